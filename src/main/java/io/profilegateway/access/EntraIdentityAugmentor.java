package io.profilegateway.access;

import io.profilegateway.common.ApiProblem;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns an identity that OIDC verified (a bearer JWT, or the ID token of a code-flow session) into the gateway's
 * {@link Actor} of the matched directory user, with his role and nothing from the token's roles or groups, so that
 * every access rule applies as to a local login. Identities from passwords and API tokens pass unchanged. A
 * Microsoft account that matches no user or several fails the authentication with the {@link ApiProblem} as cause
 * (ProblemMapper answers it).
 */
@ApplicationScoped
public class EntraIdentityAugmentor implements SecurityIdentityAugmentor {

    @Inject
    EntraAccounts accounts;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(CurrentActor.ATTRIBUTE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        boolean viaToken = identity.getCredential(IdTokenCredential.class) == null;
        EntraAccounts.EntraClaims claims = new EntraAccounts.EntraClaims(claim(jwt, "oid"), claim(jwt, "email"),
                claim(jwt, "preferred_username"), claim(jwt, "upn"));
        return context.runBlocking(() -> {
            Actor actor;
            try {
                actor = accounts.actorOf(claims, viaToken);
            } catch (ApiProblem refused) {
                throw new AuthenticationFailedException(refused.getMessage(), refused);
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(jwt)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addRole(actor.role().name())
                    .addAttribute(CurrentActor.ATTRIBUTE, actor)
                    .build();
        });
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String text ? text : null;
    }
}
