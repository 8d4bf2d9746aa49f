package io.profilegateway.profile;

import io.profilegateway.access.Role;
import io.profilegateway.directory.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chains and audience of every profile a switch has met, read from the database once per profile version.
 * A switch loads only the profile's row and compares its {@code @Version}: a change made on any node (every change
 * of a profile, its chains or its groups raises the version) is seen by the next switch, and the chains, roles and
 * groups (four more queries per profile) are read again only then. The rule that keeps this true: whatever writes a
 * profile's chains, roles or groups also raises {@code profile.version} ({@code ProfileService.replace} forces it; a
 * data migration must {@code UPDATE profile SET version = version + 1} for the profiles it touches).
 */
@ApplicationScoped
public class ProfileChains {

    /** What a switch needs of a profile besides its row. */
    public record Chains(long version, Set<Role> roles, Set<Long> groupIds, List<ActionStep> enter,
            List<ActionStep> leave) {
    }

    private final Map<Long, Chains> byProfile = new ConcurrentHashMap<>();

    /** The chains of a profile loaded in the caller's transaction. */
    public Chains of(Profile profile) {
        Chains known = byProfile.get(profile.id);
        if (known != null && known.version() == profile.version) {
            return known;
        }
        Chains read = new Chains(profile.version, Set.copyOf(profile.roles), Set.copyOf(profile.groupIds()),
                ActionStep.of(profile.enterActions), ActionStep.of(profile.leaveActions));
        byProfile.merge(profile.id, read, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return read;
    }

    /** A deleted profile's chains are dropped here; other nodes never meet it again (its row is gone). */
    void forget(@Observes ProfileChanged change) {
        if (change.deleted()) {
            byProfile.remove(change.profileId());
        }
    }

    /** Whether the user may have the profile active (Profile#isUsableBy, without reading its collections again). */
    public boolean isUsableBy(Profile profile, User user) {
        if (profile.assignment == Assignment.PERSONAL) {
            return profile.isUsableBy(user);
        }
        Chains chains = of(profile);
        return Profile.admits(chains.roles(), chains.groupIds(), user);
    }
}
