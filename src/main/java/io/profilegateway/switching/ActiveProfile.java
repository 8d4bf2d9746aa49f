package io.profilegateway.switching;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's active profile, as {@code GET /users/{id}/profile} shows it. */
public record ActiveProfile(
        @Schema(example = "1001") long userId,
        @Schema(example = "7") long profileId,
        @Schema(example = "Lunch") String profileName,
        @Schema(example = "2026-11-22T12:00:00Z") Instant since,
        @Schema(example = "TIME") SwitchSource source,
        @Schema(example = "1") Long previousProfileId,
        @Schema(description = "when the active profile ends by itself (a manual or TIME until), or null",
                example = "2026-11-22T12:45:00Z") Instant until) {

    static ActiveProfile of(UserState state) {
        return new ActiveProfile(state.userId, state.activeProfile.id, state.activeProfile.name, state.activeSince,
                state.activeSource, state.previousProfile == null ? null : state.previousProfile.id,
                state.activeUntil);
    }
}
