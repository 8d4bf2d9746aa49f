package io.profilegateway.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresTestDatabase} for every {@code @QuarkusTest} (it is a no-op in the H2 run). */
@QuarkusTestResource(PostgresTestDatabase.class)
public final class DatabaseResource {

    private DatabaseResource() {
    }
}
