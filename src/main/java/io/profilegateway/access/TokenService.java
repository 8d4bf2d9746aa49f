package io.profilegateway.access;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Violations;
import io.profilegateway.directory.user.User;
import io.profilegateway.directory.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** API tokens for machines: a user makes his own; whoever manages a user makes his. Shown once, stored hashed. */
@ApplicationScoped
public class TokenService {

    static final String PREFIX = "pgw_";

    @Inject
    AccessPolicy access;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    public record TokenView(long id, String name, Instant createdAt) {
    }

    public record NewToken(long id, String name, Instant createdAt, String token) {
    }

    @Transactional
    public List<TokenView> list(Actor actor, long userId) {
        User user = managed(actor, userId);
        return ApiToken.<ApiToken>list("user", user).stream()
                .map(t -> new TokenView(t.id, t.name, t.createdAt)).toList();
    }

    @Transactional
    public NewToken create(Actor actor, long userId, String name) {
        new Violations().text("name", name, 100).throwIfAny();
        User user = managed(actor, userId);
        String token = PREFIX + Secrets.random(32);
        ApiToken row = new ApiToken();
        row.user = user;
        row.name = name.trim();
        row.tokenHash = Secrets.sha256(token);
        row.createdAt = clock.instant();
        row.persist();
        return new NewToken(row.id, row.name, row.createdAt, token);
    }

    @Transactional
    public void delete(Actor actor, long userId, long tokenId) {
        User user = managed(actor, userId);
        ApiToken token = ApiToken.<ApiToken>find("id = ?1 and user = ?2", tokenId, user).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("token", tokenId));
        token.delete();
    }

    private User managed(Actor actor, long userId) {
        User user = users.findReadable(actor, userId);
        access.require(user.id == actor.userId() || access.canManageUser(actor, user), "manage this user's tokens");
        return user;
    }
}
