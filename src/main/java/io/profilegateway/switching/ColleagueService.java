package io.profilegateway.switching;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.OwnerFacts;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import io.profilegateway.directory.user.UserDto;
import io.profilegateway.directory.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The colleagues board: a page of the users the actor may see ({@link UserService#list}), each with his active
 * profile cut to what the actor may see of it, so that a client needs one call instead of one per user.
 */
@ApplicationScoped
public class ColleagueService {

    @Inject
    UserService users;

    @Inject
    AccessPolicy access;

    /** A user with his presence (null for a portal-only user, who has none) and his teams. */
    @Schema(name = "Colleague")
    public record Colleague(UserDto user, PresenceView presence,
            @Schema(description = "the teams (ids, as GET /teams) his desired state holds him in, logged in or "
                    + "paused; shown from EMPLOYEE on (as the profile name), else empty", example = "[5, 8]")
            List<Long> teamIds) {
    }

    @Transactional
    public PageResult<Colleague> list(Actor actor, Paging paging) {
        PageResult<UserDto> page = users.list(actor, null, paging);
        List<Long> ids = page.items().stream().map(UserDto::id).toList();
        Map<Long, UserState> states = ids.isEmpty() ? Map.of()
                : UserState.<UserState>list("userId in ?1", ids).stream()
                        .collect(Collectors.toMap(s -> s.userId, Function.identity()));
        AccessPolicy.Sights sights = access.sights(actor);
        List<Colleague> items = page.items().stream().map(u -> {
            UserState state = states.get(u.id());
            if (state == null) {
                return new Colleague(u, null, List.of());
            }
            Sight sight = sights.of(OwnerFacts.of(state.user));
            List<Long> teamIds = sight.may(Right.SEE_GENERAL_PRESENCE)
                    ? state.teams.stream().map(m -> m.team.id).sorted().toList() : List.of();
            return new Colleague(u, PresenceView.of(state).cutFor(sight), teamIds);
        }).toList();
        return new PageResult<>(items, page.page(), page.size(), page.total());
    }
}
