package io.profilegateway.trigger.teams;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads every Entra ID user for the directory import: {@code GET /users?$select=id,displayName,mail,
 * userPrincipalName,businessPhones,mobilePhone&$top=999}, then each {@code @odata.nextLink}, with the application
 * credential of the Teams trigger. A page that is throttled (429) or fails on Graph's side (5xx) is asked again after
 * its Retry-After (else {@link #BACKOFF}, doubling), at most {@value #ATTEMPTS} times; anything else fails the read.
 */
@ApplicationScoped
public class GraphDirectory {

    /** Graph's largest page of users. */
    static final int PAGE_SIZE = 999;
    static final int ATTEMPTS = 5;
    static final Duration BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(GraphDirectory.class);
    private static final String[] SELECT = {"id", "displayName", "mail", "userPrincipalName", "businessPhones",
        "mobilePhone"};

    /** One Entra user as the import needs him. */
    public record EntraUser(String id, String displayName, String mail, String userPrincipalName,
            List<String> businessPhones, String mobilePhone) {
    }

    /** Reading Entra failed; the message is safe to show (a status and Graph's error, never a secret). */
    public static final class ReadFailure extends Exception {

        ReadFailure(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    GraphClients clients;

    /** Whether a tenant is configured ({@code gateway.graph.tenant-id}). */
    public boolean configured() {
        return clients.configured();
    }

    /** Every user, page after page. */
    public List<EntraUser> users() throws ReadFailure, InterruptedException {
        GraphClients.Connection connection = clients.application();
        List<EntraUser> users = new ArrayList<>();
        UserCollectionResponse page = withRetries(connection, () -> connection.graph().users().get(rc -> {
            rc.queryParameters.select = SELECT;
            rc.queryParameters.top = PAGE_SIZE;
        }));
        int pages = 1;
        while (true) {
            if (page != null && page.getValue() != null) {
                for (User u : page.getValue()) {
                    users.add(new EntraUser(u.getId(), u.getDisplayName(), u.getMail(), u.getUserPrincipalName(),
                            u.getBusinessPhones() == null ? List.of() : List.copyOf(u.getBusinessPhones()),
                            u.getMobilePhone()));
                }
            }
            String next = page == null ? null : page.getOdataNextLink();
            if (next == null || next.isBlank()) {
                break;
            }
            page = withRetries(connection, () -> connection.graph().users().withUrl(next).get());
            pages++;
        }
        LOG.infof("Read %d Entra user(s) in %d page(s)", users.size(), pages);
        return users;
    }

    private static UserCollectionResponse withRetries(GraphClients.Connection connection,
            java.util.function.Supplier<UserCollectionResponse> request) throws ReadFailure, InterruptedException {
        Duration backoff = BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return GraphCalls.call(connection.credential(), request);
            } catch (GraphFailure failure) {
                boolean again = failure.kind() == GraphFailure.Kind.THROTTLED
                        || failure.kind() == GraphFailure.Kind.SERVER;
                if (!again || attempt >= ATTEMPTS) {
                    throw new ReadFailure("Graph /users: " + failure.getMessage());
                }
                Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff;
                wait = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
                LOG.infof("Graph /users %s (attempt %d of %d): asking again in %d ms", failure.outcome(), attempt,
                        ATTEMPTS, wait.toMillis());
                Thread.sleep(wait.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }
}
