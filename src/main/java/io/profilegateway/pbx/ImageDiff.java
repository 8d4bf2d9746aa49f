package io.profilegateway.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The AMI commands that turn what Asterisk holds (a user's {@code known*} state) into his desired {@link PbxImage}:
 * only the differences, so applying the same state twice sends nothing the second time. Deterministic order:
 * queue membership first (so a pause never precedes its add), then AstDB, device states, presence.
 */
final class ImageDiff {

    private ImageDiff() {
    }

    /**
     * @param sharedElsewhere keys (e.g. a hot-desk device's {@code DEVICE/<dev>/user}) that another user now holds
     *        and that must therefore not be deleted on this user's behalf
     */
    static List<AmiCommand> commands(UserSync known, PbxImage desired, PbxNames names,
            Predicate<DbKey> sharedElsewhere) {
        List<AmiCommand> commands = new ArrayList<>();
        String ext = desired.extension();
        String memberInterface = names.memberInterface(ext);
        new TreeMap<>(desired.queues()).forEach((queue, seat) -> {
            QueueSeat held = known.knownQueues.get(queue);
            if (held == null || held == UserSync.UNKNOWN_SEAT) {
                commands.add(new AmiCommand.QueueAdd(queue, memberInterface, ext, names.stateInterface(ext), seat));
            } else {
                if (held.penalty() != seat.penalty()) {
                    commands.add(new AmiCommand.QueuePenalty(queue, memberInterface, seat.penalty()));
                }
                if (held.paused() != seat.paused() || !java.util.Objects.equals(held.reason(), seat.reason())) {
                    commands.add(new AmiCommand.QueuePause(queue, memberInterface, seat.paused(), seat.reason()));
                }
            }
        });
        new TreeMap<>(known.knownQueues).keySet().stream().filter(q -> !desired.queues().containsKey(q))
                .forEach(q -> commands.add(new AmiCommand.QueueRemove(q, memberInterface)));

        new TreeMap<>(desired.astdb()).forEach((key, value) -> {
            if (!value.equals(known.knownDb.get(key))) {
                commands.add(new AmiCommand.DbPut(key, value));
            }
        });
        new TreeMap<>(known.knownDb).keySet().stream()
                .filter(key -> !desired.astdb().containsKey(key) && !sharedElsewhere.test(key))
                .forEach(key -> commands.add(new AmiCommand.DbDel(key)));

        setVars(known.knownDeviceStates, desired.deviceStates(), commands, AmiCommand.SetVar::deviceState);
        setVars(known.knownPresence, desired.presence(), commands, AmiCommand.SetVar::presence);
        return commands;
    }

    private static void setVars(Map<String, String> known, Map<String, String> desired, List<AmiCommand> commands,
            java.util.function.BiFunction<String, String, AmiCommand.SetVar> command) {
        new TreeMap<>(desired).forEach((name, value) -> {
            if (!value.equals(known.get(name))) {
                commands.add(command.apply(name, value));
            }
        });
    }
}
