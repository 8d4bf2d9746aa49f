package io.profilegateway.access;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** BCrypt password hashes with the configured cost ({@code gateway.password-hash-cost}). */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;

    PasswordHasher(@ConfigProperty(name = "gateway.password-hash-cost", defaultValue = "10") int cost) {
        if (cost < 4 || cost > 16) {
            throw new IllegalArgumentException("gateway.password-hash-cost must be between 4 and 16, is " + cost);
        }
        this.cost = cost;
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return hash != null && BcryptUtil.matches(password, hash);
    }
}
