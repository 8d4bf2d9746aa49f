package io.profilegateway.pbx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

    static CompletableFuture<AsteriskHolds> read(AmiLink link, PbxNames names) {
        List<String> families = new ArrayList<>(names.families());
        families.add(DEVSTATE_FAMILY);
        families.add(PRESENCE_FAMILY);
        List<CompletableFuture<Map<DbKey, String>>> trees = families.stream()
                .map(family -> link.readTree(family).toCompletableFuture()).toList();
        CompletableFuture<Map<String, Map<String, QueueSeat>>> queues = link.readQueues().toCompletableFuture();
        return CompletableFuture.allOf(trees.toArray(CompletableFuture[]::new)).thenCombine(queues, (done, q) -> {
            AsteriskHolds holds = new AsteriskHolds();
            for (CompletableFuture<Map<DbKey, String>> tree : trees) {
                tree.join().forEach((key, value) -> holds.add(key, value, names));
            }
            q.forEach((queue, members) -> members.forEach((memberInterface, seat) -> {
                String ext = names.extensionOfInterface(memberInterface);
                if (ext != null) {
                    holds.queuesByExtension.computeIfAbsent(ext, e -> new HashMap<>()).put(queue, seat);
                }
            }));
            return holds;
        });
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
    PbxImage imageOf(String extension, PbxNames names) {
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
