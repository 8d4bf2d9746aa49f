package io.profilegateway.switching;

import java.util.Map;

/** A request to make {@code profileId} the active profile of {@code userId}. */
public record SwitchCommand(long userId, long profileId, Map<String, String> parameters, SwitchSource source,
        String actor) {

    public SwitchCommand {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
