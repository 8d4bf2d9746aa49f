package io.profilegateway.trigger.teams;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A token credential that keeps its token until shortly before it expires and can be told to drop it (a 401 from
 * Graph): then the underlying azure-identity credential is built anew, so MSAL's own cache cannot hand the refused
 * token back. Remembers the last failure as a safe text for health (an error code, never a secret).
 */
final class RenewableCredential implements TokenCredential {

    /** Renew this long before expiry, or at half the lifetime when that is shorter. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final Supplier<TokenCredential> factory;
    private final Clock clock;
    private TokenCredential delegate;
    private AccessToken token;
    private OffsetDateTime renewAt;
    private volatile String lastError;

    RenewableCredential(Supplier<TokenCredential> factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
        this.delegate = factory.get();
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public synchronized AccessToken getTokenSync(TokenRequestContext request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        try {
            token = delegate.getTokenSync(request);
        } catch (RuntimeException e) {
            token = null;
            lastError = describe(e);
            throw e;
        }
        lastError = null;
        Duration life = Duration.between(now, token.getExpiresAt());
        renewAt = token.getExpiresAt().minus(life.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? life.dividedBy(2)
                : RENEW_BEFORE);
        return token;
    }

    /** Drops the token and the underlying credential's cache: the next request fetches a new token. */
    synchronized void renew() {
        token = null;
        delegate = factory.get();
    }

    /** The last token failure (error code and status), or null while tokens come. */
    String lastError() {
        return lastError;
    }

    /** A safe description of a token failure: Entra's error code and HTTP status, or "unreachable". */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MsalServiceException msal) {
                return "token endpoint refused: " + msal.errorCode() + " (HTTP " + msal.statusCode() + ")";
            }
        }
        return "token endpoint unreachable or failing";
    }
}
