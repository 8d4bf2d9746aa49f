package io.profilegateway.pbx;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the gateway owns in Asterisk for one extension, in Asterisk's own terms: AstDB entries, custom device
 * states, the custom presence state and queue memberships. An absent entry means "must not exist". Immutable.
 */
public record PbxImage(String extension, Map<DbKey, String> astdb, Map<String, String> deviceStates,
        Map<String, String> presence, Map<String, QueueSeat> queues) {

    public PbxImage {
        astdb = Map.copyOf(astdb);
        deviceStates = Map.copyOf(deviceStates);
        presence = Map.copyOf(presence);
        queues = Map.copyOf(queues);
    }

    static PbxImage empty(String extension) {
        return new PbxImage(extension, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** A readable, ordered form for logs and test failure messages. */
    @Override
    public String toString() {
        return extension + " astdb=" + new TreeMap<>(astdb) + " devstate=" + new TreeMap<>(deviceStates)
                + " presence=" + presence + " queues=" + new TreeMap<>(queues);
    }
}
