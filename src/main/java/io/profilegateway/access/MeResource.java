package io.profilegateway.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Users")
public class MeResource {

    @Inject
    CurrentActor actor;

    /** The caller and the administration sections his role may use. */
    @Schema(name = "Me")
    public record Me(
            @Schema(example = "1042") long userId,
            @Schema(example = "anna") String name,
            @Schema(example = "RECEPTIONIST") Role role,
            Set<Long> groupIds,
            boolean profilePersonal,
            @Schema(description = "came with an API token (a machine), not a password or session") boolean viaToken,
            @Schema(description = "the administration sections the role may use, for the web page's menu: profiles, "
                    + "users, groups, teams, workplaces, tokens, pbx, reports (empty for a USER); every API call "
                    + "is still checked on its own", example = "[\"groups\"]") List<AdminSection> may) {

        static Me of(Actor a) {
            return new Me(a.userId(), a.name(), a.role(), a.groupIds(), a.profilePersonal(), a.viaToken(),
                    Arrays.stream(AdminSection.values()).filter(s -> s.isOpenTo(a.role())).toList());
        }
    }

    @GET
    @Operation(summary = "Who the credentials belong to: user id, role, groups, and the administration sections his "
            + "role may use ('may')")
    public Me me() {
        return Me.of(actor.get());
    }
}
