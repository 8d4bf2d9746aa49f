package io.profilegateway.directory.importing;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
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

/** Directory import from a FreePBX-style AstDB on the AMI simulator: preview as a diff, apply, progress. */
@QuarkusTest
class DirectoryImportTest {

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
    void aPreviewShowsNewChangedAndGoneUsersAndChangesNothingUntilApplied() {
        String anna = extension();
        String bob = extension();
        freePbxUser(anna, "Anna Import", anna);
        pbx.pbx().seedDb("DEVICE", anna + "/dial", "PJSIP/" + anna);
        freePbxUser(bob, "Bob Import", bob + "&" + bob + "b");
        Map<String, Object> carl = createUser("USER");
        String carlExt = (String) carl.get("extension");
        freePbxUser(carlExt, "Carl Renamed", null);
        pbx.pbx().seedDb("AMPUSER", carlExt + "/device", (String) ((List<?>) carl.get("devices")).get(0));
        Map<String, Object> dora = createUser("USER");
        QuarkusTransaction.requiringNew().run(() -> User.update("importedFromPbx = true where id = ?1", id(dora)));
        freePbxUser("12ab", "Not an extension", null);

        JsonPath preview = previewOf(start());

        assertThat(change(preview, anna)).containsEntry("kind", "NEW");
        assertThat(change(preview, anna).get("pbx")).isEqualTo(Map.of("extension", anna, "displayName",
                "Anna Import", "devices", List.of("PJSIP/" + anna)));
        assertThat(((Map<?, ?>) change(preview, bob).get("pbx")).get("devices"))
                .isEqualTo(List.of("PJSIP/" + bob, "PJSIP/" + bob + "b"));
        assertThat(change(preview, carlExt)).containsEntry("kind", "CHANGED");
        assertThat(((Map<?, ?>) change(preview, carlExt).get("directory")).get("displayName"))
                .isEqualTo(carl.get("displayName"));
        assertThat(change(preview, (String) dora.get("extension"))).containsEntry("kind", "GONE");
        assertThat(preview.getList("skipped", String.class)).anyMatch(s -> s.startsWith("12ab: "));
        assertThat(preview.getString("progress")).isNull();
        asAdmin().get("/api/v1/users?extension=" + anna).then().statusCode(200).body("items.size()", equalTo(0));
        asAdmin().get("/api/v1/users/" + id(carl)).then().statusCode(200)
                .body("displayName", equalTo(carl.get("displayName")));

        long importId = preview.getLong("id");
        asAdmin().post(IMPORTS + "/" + importId + "/apply").then().statusCode(202);
        JsonPath done = awaitState(importId, "DONE");

        assertThat(done.getInt("progress.total"))
                .isEqualTo(done.getInt("counts.NEW") + done.getInt("counts.CHANGED") + done.getInt("counts.GONE"));
        assertThat(done.getList("progress.failures", String.class)).noneMatch(f -> f.contains(anna)
                || f.contains(bob) || f.contains(carlExt));
        Map<String, Object> imported = asAdmin().get("/api/v1/users?extension=" + anna).then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        assertThat(imported).containsEntry("displayName", "Anna Import").containsEntry("importedFromPbx", true)
                .containsEntry("devices", List.of("PJSIP/" + anna));
        asAdmin().get("/api/v1/users/" + id(imported) + "/profile").then().statusCode(200)
                .body("profileName", equalTo("Available"));
        asAdmin().get("/api/v1/users/" + id(carl)).then().statusCode(200).body("displayName", equalTo("Carl Renamed"))
                .body("importedFromPbx", equalTo(true));
        asAdmin().get("/api/v1/users/" + id(dora)).then().statusCode(404);
        asAdmin().get("/api/v1/users/" + id(createUser("USER"))).then().statusCode(200)
                .body("importedFromPbx", equalTo(false));

        JsonPath again = previewOf(start());
        for (String ext : List.of(anna, bob, carlExt)) {
            assertThat(again.getList("changes.extension", String.class)).as("%s after the import", ext)
                    .doesNotContain(ext);
        }
    }

    @Test
    void applyingManyUsersReportsProgressAndDoesNotHoldUpSwitching() {
        List<String> exts = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String ext = extension();
            exts.add(ext);
            freePbxUser(ext, "Bulk " + i, ext);
        }
        long someone = id(createUser("USER"));
        long profile = createProfile(List.of(), List.of());
        long importId = previewOf(start()).getLong("id");
        // between preview and apply someone creates one of them by hand: that one fails, the rest of its batch not
        String taken = exts.get(10);
        asAdmin().body(Map.of("extension", taken, "displayName", "By hand")).post("/api/v1/users").then()
                .statusCode(201);

        asAdmin().post(IMPORTS + "/" + importId + "/apply").then().statusCode(202)
                .body("state", equalTo("APPLYING"));
        long before = System.nanoTime();
        switchTo(someone, profile).statusCode(200);
        long switchMillis = (System.nanoTime() - before) / 1_000_000;
        JsonPath during = asAdmin().get(IMPORTS + "/" + importId).then().statusCode(200).extract().jsonPath();
        JsonPath done = awaitState(importId, "DONE");

        assertThat(switchMillis).as("a switch while the import runs").isLessThan(5_000);
        assertThat(during.getInt("progress.applied")).isBetween(0, during.getInt("progress.total"));
        assertThat(done.getInt("progress.applied") + done.getInt("progress.failed"))
                .isEqualTo(done.getInt("progress.total"));
        assertThat(done.getInt("progress.total")).isGreaterThanOrEqualTo(300);
        assertThat(done.getList("progress.failures", String.class)).anyMatch(f -> f.startsWith("NEW " + taken + ": "));
        asAdmin().get("/api/v1/users?extension=" + taken).then().statusCode(200)
                .body("items[0].displayName", equalTo("By hand"));
        for (String ext : List.of(exts.get(0), exts.get(9), exts.get(11), exts.get(299))) {
            asAdmin().get("/api/v1/users?extension=" + ext).then().statusCode(200).body("items.size()", equalTo(1));
        }
    }

    @Test
    void onlySystemAdminsImportAndBadInputIsA4xx() {
        asUser(createUser("MANAGER")).body(Map.of()).post(IMPORTS).then().statusCode(403);
        asUser(createUser("USER")).body(Map.of()).post(IMPORTS).then().statusCode(403);
        asAdmin().body(Map.of("server", "nowhere")).post(IMPORTS).then().statusCode(400)
                .body("violations[0].field", equalTo("server"));
        asAdmin().body("{\"server\": ").post(IMPORTS).then().statusCode(400);
        asAdmin().get(IMPORTS + "/987654321").then().statusCode(404);
        asAdmin().post(IMPORTS + "/987654321/apply").then().statusCode(404);
        asAdmin().get(IMPORTS + "/1?size=100000").then().statusCode(400);

        long importId = previewOf(start()).getLong("id");
        asAdmin().post(IMPORTS + "/" + importId + "/apply").then().statusCode(202);
        asAdmin().post(IMPORTS + "/" + importId + "/apply").then().statusCode(409)
                .body("errorId", equalTo("import-not-in-preview"));
        awaitState(importId, "DONE");
    }

    // ---- helpers

    private void freePbxUser(String ext, String name, String devices) {
        pbx.pbx().seedDb("AMPUSER", ext + "/cidname", name);
        if (devices != null) {
            pbx.pbx().seedDb("AMPUSER", ext + "/device", devices);
        }
    }

    private static long start() {
        return asAdmin().body(Map.of()).post(IMPORTS).then().statusCode(202).extract().jsonPath().getLong("id");
    }

    private static JsonPath previewOf(long importId) {
        return awaitState(importId, "PREVIEW");
    }

    private static JsonPath awaitState(long importId, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> asAdmin()
                .get(IMPORTS + "/" + importId).then().extract().jsonPath().getString("state").equals(state));
        return asAdmin().get(IMPORTS + "/" + importId + "?size=200").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> change(JsonPath preview, String ext) {
        List<Map<String, Object>> changes = preview.getList("changes");
        return changes.stream().filter(c -> ext.equals(c.get("extension"))).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + ext + " in " + changes.size() + " changes"));
    }
}
