package io.profilegateway.access;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The actor of the current request, as the identity providers found him. */
@RequestScoped
public class CurrentActor {

    public static final String ATTRIBUTE = "gateway.actor";

    @Inject
    SecurityIdentity identity;

    public Actor get() {
        Actor actor = identity.getAttribute(ATTRIBUTE);
        if (actor == null) {
            throw new UnauthorizedException();
        }
        return actor;
    }
}
