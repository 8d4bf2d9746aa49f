package io.profilegateway.pbx;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.profilegateway.pbx.simulator.AmiSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S4: AMI header injection through every API field whose value reaches an AMI header is refused with a 400 naming
 * the field, and nothing of it reaches Asterisk (the simulator logs every action it receives).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiInjectionTest {

    private static final List<String> PAYLOADS = List.of("1001\r\nAction: Originate", "1001\nAction: Originate",
            "1001\rAction: Originate", "x\u0000Action: Originate", "2000\r\n\r\nAction: Originate\r\n");

    @Inject
    SimulatorLauncher launcher;

    Long userId;

    record Field(String name, String method, Function<AmiInjectionTest, String> path,
            Function<String, Map<String, Object>> body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> fields() {
        List<Field> fields = List.of(
                new Field("extension", "POST", t -> "/api/v1/users", p -> user(Map.of("extension", p))),
                new Field("devices[0]", "POST", t -> "/api/v1/users", p -> user(Map.of("devices", List.of(p)))),
                new Field("mobile", "POST", t -> "/api/v1/users", p -> user(Map.of("mobile", p))),
                new Field("pbxServer", "POST", t -> "/api/v1/users", p -> user(Map.of("pbxServer", p))),
                new Field("queue", "POST", t -> "/api/v1/teams", p -> Map.of("name", unique("t"), "queue", p)),
                new Field("device", "POST", t -> "/api/v1/workplaces", p -> Map.of("name", unique("w"), "device", p)),
                new Field("name", "POST", t -> "/api/v1/profiles", p -> profile(p, List.of())),
                new Field("enterActions[0].target", "POST", t -> "/api/v1/profiles",
                        p -> profile(unique("p"), List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", p)))),
                new Field("enterActions[0].targets[0]", "POST", t -> "/api/v1/profiles",
                        p -> profile(unique("p"), List.of(action("FOLLOW_ME", "enabled", true, "targets", List.of(p))))),
                new Field("enterActions[0].reason", "POST", t -> "/api/v1/profiles",
                        p -> profile(unique("p"), List.of(action("TEAM_PAUSE", "reason", p)))),
                new Field("enterActions[0].team", "POST", t -> "/api/v1/profiles",
                        p -> profile(unique("p"), List.of(action("TEAM_LOGIN", "team", p)))),
                new Field("parameters.redirectTarget", "PUT", t -> "/api/v1/users/" + t.userId + "/profile",
                        p -> null));
        return fields.stream().flatMap(f -> PAYLOADS.stream().map(p -> Arguments.of(f, p)));
    }

    @ParameterizedTest(name = "{0} ← {1}")
    @MethodSource("fields")
    void refusedBeforeAmi(Field field, String payload) {
        if (userId == null) {
            userId = id(createUser("USER"));
        }
        Map<String, Object> body = field.body().apply(payload);
        if (body == null) {
            // an "ask" redirect target arrives with the switch request
            long ask = createProfile(List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "ask")), List.of());
            body = Map.of("profileId", ask, "parameters", Map.of("redirectTarget", payload));
        }
        var request = asAdmin().body(body);
        var response = field.method().equals("POST") ? request.post(field.path().apply(this))
                : request.put(field.path().apply(this));
        response.then().statusCode(400).body("violations.field", hasItem(field.name()));
    }

    @AfterAll
    void nothingReachedAsterisk() {
        AmiSimulator pbx = launcher.simulator();
        assertThat(pbx.actionsReceived("Originate")).isZero();
        assertThat(pbx.receivedActions()).noneMatch(m -> m.headers().stream()
                .anyMatch(h -> h.value().contains("Originate") || h.name().contains("Originate")));
    }

    private static Map<String, Object> user(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("extension", extension(), "displayName", "Injection",
                "devices", List.of("PJSIP/" + unique("d"))));
        body.putAll(overrides);
        return body;
    }

    private static Map<String, Object> profile(String name, List<Map<String, Object>> enter) {
        return Map.of("name", name, "assignment", "ADMIN", "presence", "away", "enterActions", enter,
                "leaveActions", List.of());
    }
}
