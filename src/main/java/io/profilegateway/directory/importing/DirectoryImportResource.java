package io.profilegateway.directory.importing;

import io.profilegateway.access.CurrentActor;
import io.profilegateway.common.Paging;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/directory-imports")
@Tag(name = "Directory import", description = "Users from the PBX (FreePBX AstDB), previewed as a diff, then applied")
public class DirectoryImportResource {

    @Schema(name = "DirectoryImportRequest")
    public record StartRequest(
            @Schema(description = "where to read the users: FREEPBX_ASTDB (default), PJSIP or ENTRA",
                    enumeration = {"FREEPBX_ASTDB", "PJSIP", "ENTRA"}, example = "PJSIP") String source,
            @Schema(description = "the Asterisk server to read (FREEPBX_ASTDB, PJSIP); none = the default server",
                    example = "main") String server) {
    }

    @Inject
    DirectoryImports imports;

    @Inject
    CurrentActor actor;

    @POST
    @Operation(summary = "Read the users of a PBX server and show the diff (system admins)",
            description = "Answers 202 at once in state READING; GET the Location until PREVIEW; nothing changes yet. "
                    + "FREEPBX_ASTDB reads FreePBX's AMPUSER/<ext>/cidname and /device and DEVICE/<id>/dial over "
                    + "AMI. PJSIP reads Asterisk's endpoints (PJSIPShowEndpoints, PJSIPShowEndpoint): extension = "
                    + "the endpoint's name when digits only, else its callerid number; name = the callerid name; "
                    + "device PJSIP/<endpoint>. ENTRA reads Graph's /users (paged) and matches them to directory "
                    + "users by e-mail, case-insensitive: name, e-mail and Entra object id; it never creates PBX "
                    + "state (new users are portal-only). 400 naming the field for an unknown source or server.")
    public Response start(StartRequest body, @Context UriInfo uri) {
        ImportView view = imports.start(actor.get(), ImportSource.of(body == null ? null : body.source()),
                body == null ? null : body.server());
        return Response.accepted(view).location(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import: its state, counts, a page of its changes, and its progress while applied")
    public ImportView get(@PathParam("id") long id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return imports.get(actor.get(), id, Paging.of(page, size == null ? 100 : size));
    }

    @POST
    @Path("/{id}/apply")
    @Operation(summary = "Apply a previewed import (system admins)",
            description = "202 at once; the users are created, changed (name, devices) and deleted (GONE) one by one "
                    + "in the background, marked importedFromPbx; GET shows the progress. 409 unless in PREVIEW.")
    public Response apply(@PathParam("id") long id) {
        return Response.accepted(imports.apply(actor.get(), id)).build();
    }
}
