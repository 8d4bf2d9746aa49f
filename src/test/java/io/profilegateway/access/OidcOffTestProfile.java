package io.profilegateway.access;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A fresh start with no {@code gateway.oidc.*} or {@code quarkus.oidc.*} setting at all (its own empty database),
 * logging to a file so that the test can read the start log.
 */
public class OidcOffTestProfile implements QuarkusTestProfile {

    public static final String LOG_FILE = "target/oidc-off-test.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:oidc-off;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG_FILE);
    }
}
