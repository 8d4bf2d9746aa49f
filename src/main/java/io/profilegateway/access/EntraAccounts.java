package io.profilegateway.access;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
import io.profilegateway.trigger.teams.GraphConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Finds the directory user behind a Microsoft Entra ID sign-in. A user matches by his {@code entraObjectId} (the
 * token's {@code oid}), or by his e-mail (the token's {@code email}, {@code preferred_username} or {@code upn}) when
 * he has no {@code entraObjectId} or the same one: a user bound to another Entra account is never taken over by an
 * address. Exactly one user must match; none is "unknown", two or more (one by e-mail, another by object id; the
 * e-mail of one and the UPN of another; an object id given to two users) is refused and logged naming both.
 * No user is ever created here.
 */
@ApplicationScoped
public class EntraAccounts {

    private static final Logger LOG = Logger.getLogger(EntraAccounts.class);

    /** What identifies a Microsoft account in its token; any of them may be missing. */
    public record EntraClaims(String objectId, String email, String preferredUsername, String upn) {

        /** The addresses to match, lower-cased as the directory stores e-mails. */
        Set<String> addresses() {
            return Stream.of(email, preferredUsername, upn).filter(Objects::nonNull).map(String::trim)
                    .filter(a -> !a.isEmpty()).map(a -> a.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public String toString() {
            return "oid=" + objectId + ", email=" + email + ", preferred_username=" + preferredUsername + ", upn="
                    + upn;
        }
    }

    @Inject
    EntraSignInConfig config;

    @Inject
    GraphConfig graph;

    void checkConfiguration(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (config.tenantId().or(graph::tenantId).isEmpty() || config.clientId().or(graph::clientId).isEmpty()) {
            throw new IllegalStateException("gateway.oidc.enabled=true needs gateway.oidc.tenant-id and "
                    + "gateway.oidc.client-id (or gateway.graph.tenant-id and gateway.graph.client-id)");
        }
        LOG.infof("Sign-in with Microsoft Entra ID is on (bearer JWTs on /api, the code flow at %s)",
                EntraSignInConfig.LOGIN_PATH);
    }

    /**
     * The actor of the one user this Microsoft account belongs to.
     *
     * @param viaToken a bearer JWT of an API client (history source API), not a browser session
     * @throws ApiProblem 403 {@code microsoft-account-unknown} or {@code microsoft-account-ambiguous}
     */
    @Transactional
    public Actor actorOf(EntraClaims claims, boolean viaToken) {
        User user = match(claims);
        String name = user.username != null ? user.username : user.email != null ? user.email : user.displayName;
        return Actor.of(user, viaToken ? name + " (Microsoft token)" : name, viaToken);
    }

    private User match(EntraClaims claims) {
        String objectId = claims.objectId() == null ? "" : claims.objectId().trim().toLowerCase(Locale.ROOT);
        Set<String> addresses = claims.addresses();
        List<User> found = User.list("lower(entraObjectId) = ?1 or email in ?2 order by id", objectId,
                addresses.isEmpty() ? Set.of("") : addresses);
        List<User> matched = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (User user : found) {
            boolean byObjectId = !objectId.isEmpty() && objectId.equalsIgnoreCase(user.entraObjectId);
            boolean byAddress = user.email != null && addresses.contains(user.email)
                    && (user.entraObjectId == null || byObjectId);
            if (byObjectId || byAddress) {
                matched.add(user);
                reasons.add("user " + user.id + " '" + user.displayName + "' (by "
                        + (byObjectId ? "entraObjectId" : "e-mail " + user.email) + ")");
            }
        }
        if (matched.isEmpty()) {
            LOG.infof("Microsoft sign-in refused: no user has this account's Entra object id or e-mail (%s)", claims);
            throw new ApiProblem(403, "microsoft-account-unknown", "No user of the gateway belongs to this Microsoft "
                    + "account (matched by Entra object id, else by e-mail / UPN); ask an administrator to add it");
        }
        if (matched.size() > 1) {
            LOG.warnf("Microsoft sign-in refused: the account (%s) matches %d users: %s; give each user his own "
                    + "e-mail and entraObjectId", claims, matched.size(), String.join(" and ", reasons));
            throw new ApiProblem(403, "microsoft-account-ambiguous", "This Microsoft account matches more than one "
                    + "user of the gateway; an administrator must make e-mail addresses and Entra object ids unique");
        }
        return matched.get(0);
    }
}
