package io.profilegateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /api/v1/me}'s {@code may}: exactly the administration sections each role may use (product.md §4). */
@QuarkusTest
class MeResourceTest {

    static Stream<Arguments> sectionsByRole() {
        List<String> all = List.of("profiles", "users", "groups", "teams", "workplaces", "tokens", "pbx", "reports");
        return Stream.of(
                Arguments.of("USER", List.of()),
                Arguments.of("RECEPTIONIST", List.of("groups")),
                Arguments.of("GROUP_ADMIN", List.of("profiles", "groups", "teams", "workplaces")),
                Arguments.of("MANAGER", List.of("users", "groups", "tokens", "pbx", "reports")),
                Arguments.of("OWNER", all),
                Arguments.of("SYSTEM_ADMIN", all));
    }

    @ParameterizedTest(name = "{0} may use {1}")
    @MethodSource("sectionsByRole")
    void shouldListExactlyTheSectionsTheRoleMayUse(String role, List<String> sections) {
        long group = Api.createGroup("Europe/Berlin");
        Map<String, Object> user = Api.createUser(role, group);

        List<String> may = Api.asUser(user).get("/api/v1/me").then().statusCode(200)
                .extract().jsonPath().getList("may", String.class);

        assertThat(may).containsExactlyElementsOf(sections);
    }

    @org.junit.jupiter.api.Test
    void shouldListEverySectionForTheSystemOwner() {
        assertThat(Api.asAdmin().get("/api/v1/me").then().statusCode(200).extract().jsonPath()
                .getList("may", String.class)).hasSize(AdminSection.values().length);
    }
}
