package io.profilegateway.access.relationship;

import static io.profilegateway.access.relationship.RelationshipTest.abc;
import static io.profilegateway.access.relationship.RelationshipTest.effective;
import static io.profilegateway.access.relationship.RelationshipTest.setLevel;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gateway.relationships.personal-levels=EXTEND_ONLY} (seed 002: users may only widen the server's level). */
@QuarkusTest
@TestProfile(ExtendOnlyTest.ExtendOnly.class)
class ExtendOnlyTest {

    public static class ExtendOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.relationships.personal-levels", "EXTEND_ONLY");
        }
    }

    @Test
    void shouldRefuseANarrowingAndAcceptAWidening() {
        var s = abc();
        asUser(s.a()).body(Map.of("level", "EXTERNAL"))
                .put("/api/v1/users/" + id(s.a()) + "/relationships/" + id(s.b())).then().statusCode(400)
                .body("violations[0].field", equalTo("level"))
                .body("violations[0].message", containsString("only widen what the server gives this viewer (EMPLOYEE)"));
        assertThat(effective(s.a(), s.b()).getString("level")).isEqualTo("EMPLOYEE");

        setLevel(s.a(), s.b(), "ASSISTANT");
        assertThat(effective(s.a(), s.b()).getString("level")).isEqualTo("ASSISTANT");
    }

    @Test
    void shouldNeverLetAnOlderPersonalSettingNarrowWhatTheServerGivesLater() {
        var s = abc();
        setLevel(s.a(), s.b(), "TEAM_COLLEAGUE");
        Map<String, Object> group = new HashMap<>(asAdmin().get("/api/v1/groups/" + s.group()).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        group.remove("id");
        group.put("relationshipDefaults", Map.of("sameGroup", "ASSISTANT", "otherGroups", "EMPLOYEE", "outside",
                "UNKNOWN"));
        asAdmin().body(group).put("/api/v1/groups/" + s.group()).then().statusCode(200);

        var e = effective(s.a(), s.b());
        assertThat(e.getString("level")).isEqualTo("ASSISTANT");
        assertThat(e.getString("decidedBy.kind")).isEqualTo("SAME_GROUP");
        assertThat(e.getList("considered.kind", String.class)).contains("PERSONAL");
    }
}
