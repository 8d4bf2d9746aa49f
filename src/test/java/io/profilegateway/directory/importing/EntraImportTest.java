package io.profilegateway.directory.importing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.profilegateway.trigger.teams.GraphWireMock;
import io.profilegateway.trigger.teams.TeamsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Directory import from Entra ID with WireMock as Graph: {@code GET /users} page by page ({@code @odata.nextLink}, a
 * throttled page asked again after its Retry-After), matched by e-mail, applied without PBX state.
 */
@QuarkusTest
@TestProfile(TeamsTestProfile.class)
class EntraImportTest {

    private static final String IMPORTS = "/api/v1/directory-imports";
    private static final String SELECT = "id,displayName,mail,userPrincipalName,businessPhones,mobilePhone";

    @AfterEach
    void restoreGraph() {
        GraphWireMock.resetStubs();
    }

    @Test
    void entraUsersAreMatchedByEmailPagedThroughAndAppliedWithoutPbxState() {
        String run = unique("e").toLowerCase();
        String carlExt = extension();
        Map<String, Object> carl = create(Map.of("extension", carlExt, "displayName", "Carl Pbx",
                "email", "Carl." + run + "@Example.com", "devices", List.of("PJSIP/" + carlExt)));
        Map<String, Object> dora = create(Map.of("displayName", "Dora Old", "email", "dora." + run + "@example.com"));
        String carlId = UUID.randomUUID().toString();
        String doraId = UUID.randomUUID().toString();
        String erikId = UUID.randomUUID().toString();
        String erik = "erik." + run + "@example.com";
        String base = "http://localhost:" + GraphWireMock.server().port() + "/v1.0/users";
        String next = base + "?%24select=" + SELECT + "&%24top=999&%24skiptoken=" + run;
        stubFirstPage("{\"@odata.nextLink\":\"" + next + "\",\"value\":["
                + user(carlId, "Carl Entra", "CARL." + run + "@example.com", "carl@tenant.example")
                + "," + user(doraId, "Dora New", "dora." + run + "@example.com", null)
                + "," + user(UUID.randomUUID().toString(), "No Mail", null, null) + "]}");
        // the second page is throttled once: asked again after Retry-After
        GraphWireMock.server().stubFor(get(urlPathEqualTo("/v1.0/users")).atPriority(1)
                .withQueryParam("$skiptoken", equalTo(run)).inScenario(run)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")));
        GraphWireMock.server().stubFor(get(urlPathEqualTo("/v1.0/users")).atPriority(1)
                .withQueryParam("$skiptoken", equalTo(run)).inScenario(run).whenScenarioStateIs("throttled")
                .willReturn(json("{\"value\":[" + user(erikId, "Erik Entra", null, erik) + "]}")));

        JsonPath preview = awaitState(start(), "PREVIEW");

        assertThat(preview.getString("source")).isEqualTo("ENTRA");
        assertThat(preview.getString("server")).isNull();
        assertThat(change(preview, "carl." + run + "@example.com")).containsEntry("kind", "CHANGED")
                .containsEntry("extension", carlExt)
                .containsEntry("entra", Map.of("displayName", "Carl Pbx", "email", "carl." + run + "@example.com",
                        "entraObjectId", carlId));
        assertThat(change(preview, "dora." + run + "@example.com")).containsEntry("kind", "CHANGED")
                .containsEntry("entra", Map.of("displayName", "Dora New", "email", "dora." + run + "@example.com",
                        "entraObjectId", doraId));
        assertThat(change(preview, erik)).containsEntry("kind", "NEW");
        assertThat(preview.getList("skipped", String.class)).anyMatch(s -> s.endsWith(": no mail or userPrincipalName"));
        GraphWireMock.server().verify(2, getRequestedFor(urlPathEqualTo("/v1.0/users"))
                .withQueryParam("$skiptoken", equalTo(run)));
        GraphWireMock.server().verify(getRequestedFor(urlPathEqualTo("/v1.0/users"))
                .withQueryParam("$select", equalTo(SELECT)).withHeader("Authorization", containing("Bearer ")));
        asAdmin().get("/api/v1/users/" + id(dora)).then().statusCode(200)
                .body("displayName", org.hamcrest.Matchers.equalTo("Dora Old"));

        long importId = preview.getLong("id");
        asAdmin().post(IMPORTS + "/" + importId + "/apply").then().statusCode(202);
        JsonPath done = awaitState(importId, "DONE");

        assertThat(done.getInt("progress.failed")).as(done.prettify()).isZero();
        JsonPath carlNow = asAdmin().get("/api/v1/users/" + id(carl)).then().statusCode(200).extract().jsonPath();
        assertThat(carlNow.getString("displayName")).as("a PBX user keeps the PBX's name").isEqualTo("Carl Pbx");
        assertThat(carlNow.getString("entraObjectId")).isEqualTo(carlId);
        assertThat(carlNow.getList("devices")).isEqualTo(List.of("PJSIP/" + carlExt));
        JsonPath doraNow = asAdmin().get("/api/v1/users/" + id(dora)).then().statusCode(200).extract().jsonPath();
        assertThat(doraNow.getString("displayName")).isEqualTo("Dora New");
        assertThat(doraNow.getString("entraObjectId")).isEqualTo(doraId);
        Map<String, Object> erikNow = findByEntraId(erikId);
        assertThat(erikNow).containsEntry("displayName", "Erik Entra").containsEntry("email", erik)
                .containsEntry("importedFromPbx", false).doesNotContainKey("extension");
        assertThat((List<?>) erikNow.getOrDefault("devices", List.of())).isEmpty();

        // Erik leaves Entra: the next import shows him GONE; Carl and Dora are as Entra has them
        GraphWireMock.resetStubs();
        stubFirstPage("{\"value\":[" + user(carlId, "Carl Entra", "carl." + run + "@example.com", null) + ","
                + user(doraId, "Dora New", "dora." + run + "@example.com", null) + "]}");
        JsonPath again = awaitState(start(), "PREVIEW");
        assertThat(change(again, erik)).containsEntry("kind", "GONE");
        assertThat(again.getList("changes.email", String.class)).doesNotContain("carl." + run + "@example.com",
                "dora." + run + "@example.com");
    }

    @Test
    void graphFailingIsAFailedImportNotA5xx() {
        GraphWireMock.server().stubFor(get(urlPathEqualTo("/v1.0/users")).atPriority(1)
                .withQueryParam("$select", equalTo(SELECT)).willReturn(aResponse().withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"no\"}}")));
        JsonPath failed = awaitState(start(), "FAILED");
        assertThat(failed.getString("error")).startsWith("Entra ID could not be read: ").contains("403");
        asAdmin().post(IMPORTS + "/" + failed.getLong("id") + "/apply").then().statusCode(409);
    }

    // ---- helpers

    private static void stubFirstPage(String body) {
        GraphWireMock.server().stubFor(get(urlPathEqualTo("/v1.0/users")).atPriority(2)
                .withQueryParam("$select", equalTo(SELECT)).withQueryParam("$top", equalTo("999"))
                .willReturn(json(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String user(String id, String name, String mail, String upn) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"mail\":" + quoted(mail)
                + ",\"userPrincipalName\":" + quoted(upn) + ",\"businessPhones\":[\"+49 30 1234\"],"
                + "\"mobilePhone\":null}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static Map<String, Object> create(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getMap("");
    }

    private static Map<String, Object> findByEntraId(String entraId) {
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = asAdmin().get("/api/v1/users?size=200&page=" + page).then()
                    .statusCode(200).extract().jsonPath().getList("items");
            if (items.isEmpty()) {
                throw new AssertionError("no user with Entra id " + entraId);
            }
            for (Map<String, Object> item : items) {
                if (entraId.equals(item.get("entraObjectId"))) {
                    return item;
                }
            }
        }
    }

    private static long start() {
        return asAdmin().body(Map.of("source", "ENTRA")).post(IMPORTS).then().statusCode(202).extract().jsonPath()
                .getLong("id");
    }

    private static JsonPath awaitState(long importId, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> asAdmin()
                .get(IMPORTS + "/" + importId).then().extract().jsonPath().getString("state").equals(state));
        return asAdmin().get(IMPORTS + "/" + importId + "?size=200").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> change(JsonPath preview, String email) {
        long importId = preview.getLong("id");
        for (int page = 0; ; page++) {
            List<Map<String, Object>> changes = asAdmin().get(IMPORTS + "/" + importId + "?size=200&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("changes");
            if (changes.isEmpty()) {
                throw new AssertionError("no change for " + email + " in import " + importId);
            }
            var found = changes.stream().filter(c -> email.equals(c.get("email"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
    }
}
