package io.profilegateway.trigger.teams;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The one Quarkus boot of all Teams trigger tests: Graph and the token endpoint are {@link GraphWireMock}. */
public class TeamsTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GraphWireMock.class));
    }
}
