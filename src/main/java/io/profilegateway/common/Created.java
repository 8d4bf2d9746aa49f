package io.profilegateway.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** 201 Created with the new resource's Location and body. */
public final class Created {

    private Created() {
    }

    public static Response at(UriInfo uri, Object id, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(body).build();
    }
}
