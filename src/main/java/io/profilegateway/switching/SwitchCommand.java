package io.profilegateway.switching;

import java.time.Instant;
import java.util.Map;

/**
 * A request to make {@code profileId} the active profile of {@code userId}.
 *
 * @param kind  who owns the activation it starts (README "Activations"); null: BASE, or TEAMS for a TEAMS source
 * @param until when it ends by itself, or null
 */
public record SwitchCommand(long userId, long profileId, Map<String, String> parameters, SwitchSource source,
        String actor, ActivationKind kind, Instant until) {

    public SwitchCommand {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        kind = kind == null ? ActivationKind.of(source) : kind;
    }

    public SwitchCommand(long userId, long profileId, Map<String, String> parameters, SwitchSource source,
            String actor) {
        this(userId, profileId, parameters, source, actor, null, null);
    }

    /**
     * The same switch, ending by itself at {@code until} (a TIME trigger's end, a manual switch "for how long"):
     * then the user returns to what was active before. {@code until} null: this command unchanged.
     */
    public SwitchCommand until(Instant until) {
        if (until == null) {
            return this;
        }
        ActivationKind timed = source == SwitchSource.TIME ? ActivationKind.TIME : ActivationKind.MANUAL_UNTIL;
        return new SwitchCommand(userId, profileId, parameters, source, actor, timed, until);
    }
}
