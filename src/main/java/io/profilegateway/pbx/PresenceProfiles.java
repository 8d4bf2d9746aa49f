package io.profilegateway.pbx;

import io.profilegateway.directory.user.User;
import io.profilegateway.profile.PresenceType;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.ProfileChains;
import io.profilegateway.switching.UserState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which profile a presence set on the phone side stands for: a profile the user may use whose name is the presence's
 * message, else (no message, or no such name) the first of his usable profiles with the presence's type, by id
 * (Available for {@code available}, DND for {@code dnd}). Empty when the user's active profile already matches, or
 * no profile does.
 */
@ApplicationScoped
public class PresenceProfiles {

    @Inject
    ProfileChains chains;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> profileFor(long userId, String status, String message) {
        PresenceType type;
        try {
            type = PresenceType.of(status == null ? "" : status.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        UserState state = UserState.findById(userId);
        if (state == null) {
            return Optional.empty();
        }
        User user = state.user;
        Profile active = state.activeProfile;
        List<Profile> usable = Profile.<Profile>list("order by id").stream().filter(p -> chains.isUsableBy(p, user))
                .toList();
        String name = message == null ? "" : message.trim();
        Optional<Profile> byName = name.isEmpty() ? Optional.empty()
                : usable.stream().filter(p -> p.name.equalsIgnoreCase(name)).findFirst();
        if (byName.isPresent()) {
            return byName.get().id.equals(active.id) ? Optional.empty() : Optional.of(byName.get().id);
        }
        if (active.presence == type) {
            return Optional.empty();
        }
        return usable.stream().filter(p -> p.presence == type).findFirst().map(p -> p.id);
    }
}
