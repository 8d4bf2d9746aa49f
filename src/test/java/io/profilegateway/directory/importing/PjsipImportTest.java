package io.profilegateway.directory.importing;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.profilegateway.directory.user.User;
import io.profilegateway.pbx.SimulatorLauncher;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Directory import from Asterisk's PJSIP endpoints on the AMI simulator (PJSIPShowEndpoints / PJSIPShowEndpoint). */
@QuarkusTest
class PjsipImportTest {

    private static final String IMPORTS = "/api/v1/directory-imports";

    @Inject
    SimulatorLauncher launcher;

    AmiSimulator pbx;

    @BeforeEach
    void ready() {
        pbx = launcher.simulator();
        await().atMost(Duration.ofSeconds(30)).until(() -> asAdmin().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void endpointsBecomeUsersWithTheirDevicesPreviewedThenApplied() {
        String anna = extension();
        String bob = extension();
        pbx.pbx().seedEndpoint(anna, anna, "\"Anna Pjsip\" <" + anna + ">");
        pbx.pbx().seedEndpoint("soft" + anna, "soft" + anna, "\"Anna on the softphone\" <" + anna + ">");
        pbx.pbx().seedEndpoint("desk-bob" + bob, "desk-bob" + bob, "Bob Pjsip <" + bob + ">");
        pbx.pbx().seedEndpoint("trunk-" + anna, "trunk-" + anna, "");
        String nameless = extension();
        pbx.pbx().seedEndpoint(nameless, nameless, "");
        Map<String, Object> carl = createUser("USER");
        String carlExt = (String) carl.get("extension");
        pbx.pbx().seedEndpoint(carlExt, carlExt, "\"Carl Pjsip\" <" + carlExt + ">");
        Map<String, Object> dora = createUser("USER");
        QuarkusTransaction.requiringNew().run(() -> User.update("importedFromPbx = true where id = ?1", id(dora)));

        JsonPath preview = awaitState(start("PJSIP"), "PREVIEW");

        assertThat(preview.getString("source")).isEqualTo("PJSIP");
        assertThat(change(preview, anna)).containsEntry("kind", "NEW");
        assertThat(change(preview, anna).get("pbx")).isEqualTo(Map.of("extension", anna, "displayName",
                "Anna Pjsip", "devices", List.of("PJSIP/" + anna, "PJSIP/soft" + anna)));
        assertThat(change(preview, bob).get("pbx")).isEqualTo(Map.of("extension", bob, "displayName",
                "Bob Pjsip", "devices", List.of("PJSIP/desk-bob" + bob)));
        assertThat(change(preview, carlExt)).containsEntry("kind", "CHANGED");
        assertThat(change(preview, (String) dora.get("extension"))).containsEntry("kind", "GONE");
        assertThat(preview.getList("skipped", String.class))
                .anyMatch(s -> s.startsWith("trunk-" + anna + ": neither"))
                .anyMatch(s -> s.startsWith(nameless + ": no callerid name"));
        asAdmin().get("/api/v1/users?extension=" + anna).then().statusCode(200).body("items.size()", equalTo(0));

        long importId = preview.getLong("id");
        asAdmin().post(IMPORTS + "/" + importId + "/apply").then().statusCode(202);
        JsonPath done = awaitState(importId, "DONE");

        assertThat(done.getList("progress.failures", String.class)).noneMatch(f -> f.contains(anna)
                || f.contains(bob) || f.contains(carlExt));
        asAdmin().get("/api/v1/users?extension=" + anna).then().statusCode(200)
                .body("items[0].displayName", equalTo("Anna Pjsip"))
                .body("items[0].importedFromPbx", equalTo(true))
                .body("items[0].devices", equalTo(List.of("PJSIP/" + anna, "PJSIP/soft" + anna)));
        asAdmin().get("/api/v1/users/" + id(carl)).then().statusCode(200).body("displayName", equalTo("Carl Pjsip"))
                .body("devices", equalTo(List.of("PJSIP/" + carlExt))).body("importedFromPbx", equalTo(true));
        asAdmin().get("/api/v1/users/" + id(dora)).then().statusCode(404);

        JsonPath again = awaitState(start("PJSIP"), "PREVIEW");
        for (String ext : List.of(anna, bob, carlExt)) {
            assertThatThrownBy(() -> change(again, ext)).as("%s after the import", ext)
                    .isInstanceOf(AssertionError.class).hasMessageStartingWith("no change for " + ext);
        }
    }

    @Test
    void anAsteriskWithoutEndpointsIsAnEmptyImportNotAFailure() {
        pbx.pbx().clearEndpoints(); // Asterisk answers "No endpoints found" as an error
        JsonPath preview = awaitState(start("PJSIP"), "PREVIEW");
        assertThat(preview.getLong("counts.NEW")).isZero();
        assertThat(preview.getLong("counts.CHANGED")).isZero();
        assertThat(preview.getString("error")).isNull();
    }

    @Test
    void anUnknownSourceIsA400NamingTheField() {
        asAdmin().body(Map.of("source", "LDAP")).post(IMPORTS).then().statusCode(400)
                .body("violations[0].field", equalTo("source"));
        asAdmin().body(Map.of("source", "PJSIP", "server", "nowhere")).post(IMPORTS).then().statusCode(400)
                .body("violations[0].field", equalTo("server"));
    }

    private static long start(String source) {
        return asAdmin().body(Map.of("source", source)).post(IMPORTS).then().statusCode(202).extract().jsonPath()
                .getLong("id");
    }

    private static JsonPath awaitState(long importId, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> asAdmin()
                .get(IMPORTS + "/" + importId).then().extract().jsonPath().getString("state").equals(state));
        return asAdmin().get(IMPORTS + "/" + importId + "?size=200").then().statusCode(200).extract().jsonPath();
    }

    /** The import's change for an extension, from whichever page it is on (other tests' users share the PBX). */
    private static Map<String, Object> change(JsonPath preview, String ext) {
        long importId = preview.getLong("id");
        for (int page = 0; ; page++) {
            List<Map<String, Object>> changes = asAdmin().get(IMPORTS + "/" + importId + "?size=200&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("changes");
            if (changes.isEmpty()) {
                throw new AssertionError("no change for " + ext + " in import " + importId);
            }
            var found = changes.stream().filter(c -> ext.equals(c.get("extension"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
    }
}
