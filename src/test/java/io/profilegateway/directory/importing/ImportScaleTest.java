package io.profilegateway.directory.importing;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.profilegateway.pbx.SimulatorLauncher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PJSIP import of many users ({@code -Dimport.scale.users}, 2,000 in CI; {@code bench/import.sh} runs 10,000):
 * previewed, then applied while switches go on; the switches' latency during the apply and the apply's duration are
 * printed as one {@code IMPORT-BENCH} line. What is asserted is that switches complete while the apply goes on (the
 * figures are for the benchmark, quality.md), with a generous bound on the slowest. Against a real Asterisk
 * ({@code bench/import.sh --ami …}: no simulator) its own PJSIP endpoints are imported, however many it has.
 */
@QuarkusTest
@TestProfile(ImportScaleProfile.class)
class ImportScaleTest {

    private static final String IMPORTS = "/api/v1/directory-imports";

    @Inject
    SimulatorLauncher launcher;

    @Test
    void aBigImportReportsProgressAndSwitchesStayPrompt() {
        int n = Integer.getInteger("import.scale.users", 2_000);
        // the first reconcile after start-up must be over, else it is measured with the import
        await().atMost(Duration.ofSeconds(30)).until(() -> asAdmin().get("/q/health/ready").statusCode() == 200);
        if (launcher.simulator() != null) {
            var pbx = launcher.simulator().pbx();
            for (int i = 0; i < n; i++) {
                String ext = Integer.toString(7_000_000 + i);
                pbx.seedEndpoint(ext, ext, "\"Bulk " + i + "\" <" + ext + ">");
            }
        }
        List<Long> switchers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            switchers.add(id(createUser("USER")));
        }
        long away = createProfile(List.of(), List.of());
        long available = 1; // the SYSTEM profile Available (V1)
        switchers.forEach(u -> switchTo(u, away).statusCode(200));

        long readStart = System.nanoTime();
        long importId = asAdmin().body(Map.of("source", "PJSIP")).post(IMPORTS).then().statusCode(202).extract()
                .jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> state(importId)
                .getString("state").equals("PREVIEW"));
        long readMillis = (System.nanoTime() - readStart) / 1_000_000;
        if (launcher.simulator() != null) {
            assertThat(state(importId).getLong("counts.NEW")).isEqualTo(n);
        } else {
            n = (int) state(importId).getLong("counts.NEW");
        }

        long applyStart = System.nanoTime();
        asAdmin().post(IMPORTS + "/" + importId + "/apply").then().statusCode(202);
        List<Long> latencies = new ArrayList<>();
        List<Integer> processedSeen = new ArrayList<>();
        int amidst = 0;
        JsonPath now = state(importId);
        for (int i = 0; !now.getString("state").equals("DONE"); i++) {
            long user = switchers.get(i % switchers.size());
            int processedBefore = now.getInt("progress.processed");
            long before = System.nanoTime();
            switchTo(user, i % 2 == 0 ? available : away).statusCode(200);
            latencies.add((System.nanoTime() - before) / 1_000_000);
            processedSeen.add(processedBefore);
            assertThat(Duration.ofNanos(System.nanoTime() - applyStart)).as("apply of %d users", n)
                    .isLessThan(Duration.ofMinutes(15));
            now = state(importId);
            if (now.getString("state").equals("APPLYING") && now.getInt("progress.processed") < n) {
                amidst++; // this switch began and ended while users were still being applied
            }
        }
        long applyMillis = (System.nanoTime() - applyStart) / 1_000_000;
        List<Long> sorted = latencies.stream().sorted().toList();
        long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        long max = sorted.get(sorted.size() - 1);
        System.out.printf("IMPORT-BENCH users=%d read_ms=%d apply_ms=%d users_per_s=%.0f switches=%d "
                + "switch_p50_ms=%d switch_p95_ms=%d switch_max_ms=%d%n", n, readMillis, applyMillis,
                n * 1000.0 / applyMillis, sorted.size(), sorted.get(sorted.size() / 2), p95, max);

        assertThat(now.getInt("progress.total")).isEqualTo(n);
        assertThat(now.getInt("progress.processed")).isEqualTo(n);
        assertThat(now.getInt("progress.applied")).isEqualTo(n);
        int total = n;
        assertThat(processedSeen).as("progress while applying").anyMatch(p -> p > 0 && p < total);
        assertThat(amidst).as("switches completed while the apply went on").isGreaterThanOrEqualTo(5);
        assertThat(max).as("slowest switch during the apply (ms): never held up until the import ends")
                .isLessThan(Math.max(10_000, applyMillis / 2));
        if (launcher.simulator() != null) {
            asAdmin().get("/api/v1/users?extension=" + (7_000_000 + n - 1)).then().statusCode(200)
                    .body("items[0].importedFromPbx", org.hamcrest.Matchers.equalTo(true));
        }
    }

    private static JsonPath state(long importId) {
        return asAdmin().get(IMPORTS + "/" + importId + "?size=1").then().statusCode(200).extract().jsonPath();
    }
}
