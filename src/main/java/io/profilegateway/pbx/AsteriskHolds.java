package io.profilegateway.pbx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What one Asterisk server holds, read in one go for a full reconcile: the gateway's AstDB families, the custom
 * device and presence states (Asterisk keeps them in its AstDB families {@code CustomDevstate} and
 * {@code CustomPresence}, which is how they survive a restart) and every queue's members. Indexed by extension.
 */
final class AsteriskHolds {

    static final String DEVSTATE_FAMILY = "CustomDevstate";
    static final String PRESENCE_FAMILY = "CustomPresence";
    private static final String CUSTOM = "Custom:";
    private static final String CUSTOM_PRESENCE = "CustomPresence:";

    private final Map<String, Map<DbKey, String>> astdbByExtension = new HashMap<>();
    private final Map<String, String> deviceStates = new HashMap<>();
    private final Map<String, String> presence = new HashMap<>();
    private final Map<String, Map<String, QueueSeat>> queuesByExtension = new HashMap<>();

    /**
     * Reads one family after the other, then the queues. One at a time, because asterisk-java hands every list entry
     * through an event queue of 20,000 places and silently drops what does not fit (the action's callback then never
     * comes): sent all at once, the lists of 10,000 users overflowed it. The next read is sent from {@code executor},
     * never from asterisk-java's thread that delivered the previous answer.
     */
    static CompletableFuture<AsteriskHolds> read(AmiLink link, PbxNames names, Executor executor) {
        List<String> families = new ArrayList<>(names.families());
        families.add(DEVSTATE_FAMILY);
        families.add(PRESENCE_FAMILY);
        AsteriskHolds holds = new AsteriskHolds();
        CompletableFuture<Void> reading = CompletableFuture.completedFuture(null);
        for (String family : families) {
            reading = reading.thenComposeAsync(done -> link.readTree(family), executor)
                    .thenAcceptAsync(tree -> holds.addAll(tree, names), executor);
        }
        return reading.thenComposeAsync(done -> link.readQueues(), executor).thenApplyAsync(queues -> {
            holds.addQueues(queues, names);
            return holds;
        }, executor);
    }

    private synchronized void addAll(Map<DbKey, String> tree, PbxNames names) {
        tree.forEach((key, value) -> add(key, value, names));
    }

    private synchronized void addQueues(Map<String, Map<String, QueueSeat>> queues, PbxNames names) {
        queues.forEach((queue, members) -> members.forEach((memberInterface, seat) -> {
            String ext = names.extensionOfInterface(memberInterface);
            if (ext != null) {
                queuesByExtension.computeIfAbsent(ext, e -> new HashMap<>()).put(queue, seat);
            }
        }));
    }

    private void add(DbKey key, String value, PbxNames names) {
        if (key.family().equals(DEVSTATE_FAMILY)) {
            deviceStates.put(CUSTOM + key.key(), value);
            return;
        }
        if (key.family().equals(PRESENCE_FAMILY)) {
            presence.put(CUSTOM_PRESENCE + key.key(), value);
            return;
        }
        String ext = names.isDeviceUserKey(key) ? value : firstSegment(key.key());
        if (names.owns(ext, key, value)) {
            astdbByExtension.computeIfAbsent(ext, e -> new HashMap<>()).put(key, value);
        }
    }

    /** What Asterisk holds of everything the gateway writes for {@code extension}. */
    synchronized PbxImage imageOf(String extension, PbxNames names) {
        Map<String, String> states = new HashMap<>();
        names.deviceStateNames(extension).forEach(device -> {
            if (deviceStates.containsKey(device)) {
                states.put(device, deviceStates.get(device));
            }
        });
        Map<String, String> presences = new HashMap<>();
        String provider = names.presenceProvider(extension);
        if (presence.containsKey(provider)) {
            presences.put(provider, presence.get(provider));
        }
        return new PbxImage(extension, astdbByExtension.getOrDefault(extension, Map.of()), states, presences,
                queuesByExtension.getOrDefault(extension, Map.of()));
    }

    private static String firstSegment(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }
}
