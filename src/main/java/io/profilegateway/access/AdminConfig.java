package io.profilegateway.access;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code gateway.admin.*}: the bootstrap account. */
@ConfigMapping(prefix = "gateway.admin")
public interface AdminConfig {

    /**
     * Password of the {@code admin} account created on first start (env {@code GATEWAY_ADMIN_PASSWORD}). Unset: a
     * random one is generated and logged once. Ignored once the account exists.
     */
    Optional<String> password();
}
