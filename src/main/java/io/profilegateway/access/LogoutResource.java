package io.profilegateway.access;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** The web page's "Sign out": the session cookie is HttpOnly, so only the server can clear it. */
@Path("/logout")
public class LogoutResource {

    @POST
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public Response logout() {
        NewCookie gone = new NewCookie.Builder("pgw_session").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).value("").build();
        return Response.noContent().cookie(gone).build();
    }
}
