package io.profilegateway.directory.importing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A gateway of its own for the import at scale: its own in-memory database and AMI simulator. */
public class ImportScaleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:imports;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }
}
