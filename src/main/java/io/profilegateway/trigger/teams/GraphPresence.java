package io.profilegateway.trigger.teams;

import com.microsoft.graph.communications.getpresencesbyuserid.GetPresencesByUserIdPostRequestBody;
import com.microsoft.graph.communications.getpresencesbyuserid.GetPresencesByUserIdPostResponse;
import com.microsoft.graph.models.Presence;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Graph calls of the Teams trigger, over one application connection. */
final class GraphPresence {

    /** Graph reads at most this many ids per {@code getPresencesByUserId}. */
    static final int MAX_IDS = 650;
    /** Directory filters allow at most 15 values in one {@code in (...)}. */
    static final int MAX_FILTER_VALUES = 15;

    private final GraphClients.Connection connection;

    GraphPresence(GraphClients.Connection connection) {
        this.connection = connection;
    }

    RenewableCredential credential() {
        return connection.credential();
    }

    /** {@code POST /communications/getPresencesByUserId} for up to 650 ids. */
    List<PresenceReading> read(List<String> ids) throws GraphFailure {
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids per request");
        }
        GetPresencesByUserIdPostRequestBody body = new GetPresencesByUserIdPostRequestBody();
        body.setIds(ids);
        GetPresencesByUserIdPostResponse response = GraphCalls.call(connection.credential(),
                () -> connection.graph().communications().getPresencesByUserId().post(body));
        List<PresenceReading> readings = new ArrayList<>();
        if (response != null && response.getValue() != null) {
            for (Presence p : response.getValue()) {
                readings.add(new PresenceReading(p.getId(), p.getAvailability(), p.getActivity()));
            }
        }
        return readings;
    }

    /**
     * Finds the Entra object ids of the given addresses: first by {@code mail}, the rest by {@code userPrincipalName},
     * 15 addresses per request. Keys of the answer are the addresses in lower case; unknown ones are missing.
     */
    Map<String, String> idsByAddress(List<String> addresses) throws GraphFailure {
        Map<String, String> found = new HashMap<>();
        lookUp("mail", addresses, found);
        List<String> rest = addresses.stream().filter(a -> !found.containsKey(a.toLowerCase(Locale.ROOT))).toList();
        lookUp("userPrincipalName", rest, found);
        return found;
    }

    private void lookUp(String property, List<String> addresses, Map<String, String> found) throws GraphFailure {
        for (int from = 0; from < addresses.size(); from += MAX_FILTER_VALUES) {
            List<String> chunk = addresses.subList(from, Math.min(addresses.size(), from + MAX_FILTER_VALUES));
            String filter = property + " in (" + chunk.stream().map(a -> "'" + a.replace("'", "''") + "'")
                    .collect(Collectors.joining(",")) + ")";
            UserCollectionResponse page = GraphCalls.call(connection.credential(),
                    () -> connection.graph().users().get(rc -> {
                        rc.queryParameters.filter = filter;
                        rc.queryParameters.select = new String[] {"id", "mail", "userPrincipalName"};
                    }));
            if (page == null || page.getValue() == null) {
                continue;
            }
            for (User user : page.getValue()) {
                String key = "mail".equals(property) ? user.getMail() : user.getUserPrincipalName();
                if (key != null && user.getId() != null) {
                    found.putIfAbsent(key.toLowerCase(Locale.ROOT), user.getId());
                }
            }
        }
    }
}
