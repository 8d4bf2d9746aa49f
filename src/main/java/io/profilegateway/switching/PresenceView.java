package io.profilegateway.switching;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.Right;
import io.profilegateway.profile.PresenceType;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.RedirectKind;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user's active profile as {@code GET /users/{id}/profile} shows it to one viewer: the presence icon from EXTERNAL
 * on, the profile's name and whether a redirect is set from EMPLOYEE on, who switched and where the redirects go from
 * TEAM_COLLEAGUE on (product.md §5). What the viewer may not see is left out.
 */
@Schema(name = "ActiveProfile")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresenceView(
        @Schema(example = "1042") long userId,
        @Schema(description = "presence type (EXTERNAL and up)", example = "away") PresenceType presence,
        @Schema(description = "the profile's colour (EXTERNAL and up)", example = "#FFAA00") String color,
        @Schema(description = "the profile's icon, when it is shown (EXTERNAL and up)", example = "coffee") String icon,
        @Schema(example = "7") Long profileId,
        @Schema(example = "Lunch") String profileName,
        @Schema(example = "2026-11-22T12:00:00Z") Instant since,
        @Schema(description = "whether any redirect is set (EMPLOYEE and up)") Boolean redirectSet,
        @Schema(description = "the redirects' targets by kind (TEAM_COLLEAGUE and up)",
                example = "{\"ALWAYS\": \"2000\"}") Map<RedirectKind, String> redirects,
        @Schema(description = "what switched him (TEAM_COLLEAGUE and up)", example = "TIME") SwitchSource source,
        @Schema(description = "TEAM_COLLEAGUE and up", example = "1") Long previousProfileId) {

    /** Everything, as the user himself sees it. */
    static PresenceView of(UserState state) {
        Profile p = state.activeProfile;
        Map<RedirectKind, String> redirects = state.redirects();
        return new PresenceView(state.userId, p.presence, p.color, p.iconVisible ? p.icon : null, p.id, p.name,
                state.activeSince, !redirects.isEmpty(), redirects, state.activeSource,
                state.previousProfile == null ? null : state.previousProfile.id);
    }

    /** What this sight shows of it: the rest left out (null). */
    public PresenceView cutFor(Sight sight) {
        boolean icon = sight.may(Right.SEE_PRESENCE_ICON);
        boolean general = sight.may(Right.SEE_GENERAL_PRESENCE);
        boolean detailed = sight.may(Right.SEE_DETAILED_PRESENCE);
        return new PresenceView(userId, icon ? presence : null, icon ? color : null, icon ? this.icon : null,
                general ? profileId : null, general ? profileName : null, general ? since : null,
                sight.may(Right.SEE_REDIRECT_SET) ? redirectSet : null,
                sight.may(Right.SEE_REDIRECT_TARGET) ? redirects : null, detailed ? source : null,
                detailed ? previousProfileId : null);
    }
}
