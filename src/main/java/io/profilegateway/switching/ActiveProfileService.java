package io.profilegateway.switching;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** A user's active profile, switching on someone's behalf, history and PBX state, as the actor may see them. */
@ApplicationScoped
public class ActiveProfileService {

    @Inject
    UserService users;

    @Inject
    AccessPolicy access;

    @Inject
    SwitchService switcher;

    @Inject
    SwitchingConfig config;

    @Inject
    Clock clock;

    public PresenceView get(Actor actor, long userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Sight sight = users.findVisible(actor, userId).sight();
            return PresenceView.of(state(userId)).cutFor(sight);
        });
    }

    /** The users' active profiles as they see them themselves (no access check: cut them before showing). */
    public Map<Long, PresenceView> presences(java.util.Collection<Long> userIds) {
        return QuarkusTransaction.requiringNew().call(() -> UserState.<UserState>list("userId in ?1", userIds)
                .stream().collect(java.util.stream.Collectors.toMap(s -> s.userId, PresenceView::of)));
    }

    public SwitchResult switchProfile(Actor actor, long userId, Long profileId, Map<String, String> parameters) {
        return switchProfile(actor, userId, profileId, parameters, null);
    }

    /**
     * @param until when the switch ends by itself (the user then returns to what was active before), or null: in the
     *              future and at most {@code gateway.switching.until-limit} ahead
     */
    public SwitchResult switchProfile(Actor actor, long userId, Long profileId, Map<String, String> parameters,
            Instant until) {
        SwitchSource source = actor.viaToken() ? SwitchSource.API : SwitchSource.MANUAL;
        Violations v = new Violations().required("profileId", profileId);
        if (parameters != null) {
            v.size("parameters", parameters.keySet(), 10);
            parameters.forEach((k, value) -> v.required("parameters." + k, value));
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            v.add("until", "must be in the future");
        } else if (until != null && until.isAfter(now.plus(config.untilLimit()))) {
            v.add("until", "must be at most " + config.untilLimit().toDays() + " days ahead");
        }
        try {
            v.throwIfAny();
        } catch (ApiProblem problem) {
            switcher.rejected(userId, profileId, source, actor.label(), problem);
            throw problem;
        }
        return switcher.switchProfile(new SwitchCommand(userId, profileId, parameters, source, actor.label())
                .until(until),
                user -> access.require(users.requireReadable(actor, user).may(Right.SWITCH_PROFILE),
                        "switch this user's profile",
                        "Neither your role nor your relationship with this user (ASSISTANT and up) allows it"));
    }

    public PageResult<HistoryEntry> history(Actor actor, long userId, Paging paging) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Sight sight = users.findVisible(actor, userId).sight();
            access.require(sight.may(Right.SEE_GENERAL_PRESENCE), "see this user's presence history",
                    "Your relationship with this user does not show his presence");
            var query = SwitchHistory.<SwitchHistory>find("userId", Sort.descending("id"), userId)
                    .page(Page.of(paging.page(), paging.size()));
            return new PageResult<>(query.list().stream().map(h -> HistoryEntry.of(h, sight)).toList(), paging.page(),
                    paging.size(), query.count());
        });
    }

    /** The user's desired PBX state and server, if the actor may see the user; 409 for a portal-only user. */
    public DesiredStates.Entry desired(Actor actor, long userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Sight sight = users.findVisible(actor, userId).sight();
            access.require(sight.may(Right.SEE_DETAILED_PRESENCE), "see this user's PBX state",
                    "Your relationship with this user does not show his PBX state");
            UserState state = state(userId);
            if (!state.user.isPbxUser()) {
                throw ApiProblem.conflict("not-a-pbx-user", "User " + userId + " has no extension: no PBX state");
            }
            return new DesiredStates.Entry(userId, state.user.pbxServer, DesiredPbxState.of(state));
        });
    }

    private static UserState state(long userId) {
        return UserState.<UserState>findByIdOptional(userId).orElseThrow(() -> ApiProblem.notFound("user", userId));
    }
}
