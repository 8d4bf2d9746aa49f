package io.profilegateway.access;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The Quarkus boot with Microsoft sign-in on, against {@link EntraWireMock}; every other test runs with it off. */
public class EntraTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EntraWireMock.class));
    }
}
