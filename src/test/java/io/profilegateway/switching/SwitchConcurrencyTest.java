package io.profilegateway.switching;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createTeam;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.desired;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Switches of one user from many threads at once are serialised: no interleaved chains, nothing lost. */
@QuarkusTest
class SwitchConcurrencyTest {

    private static final int THREADS = 8;
    private static final int SWITCHES_PER_THREAD = 12;

    @Test
    void shouldSerialiseConcurrentSwitchesOfOneUser() throws Exception {
        long user = id(createUser("USER"));
        String team = createTeam(null);
        // Each profile's leave chain undoes exactly what its enter chain did, so any interleaving of two switches
        // would leave a combination no single profile produces.
        long a = createProfile(
                List.of(action("TEAM_LOGIN", "team", team), action("SET_REDIRECT", "kind", "ALWAYS", "target", "1")),
                List.of(action("TEAM_LOGOUT", "team", team), action("UNSET_REDIRECT", "kind", "ALWAYS")));
        long b = createProfile(List.of(action("SET_REDIRECT", "kind", "BUSY", "target", "2"),
                action("GSM_MODE", "enabled", true)),
                List.of(action("UNSET_REDIRECT", "kind", "BUSY"), action("GSM_MODE", "enabled", false)));
        long c = createProfile(List.of(action("SET_REACHABILITY", "enabled", false)),
                List.of(action("SET_REACHABILITY", "enabled", true)));
        long[] profiles = {a, b, c};
        long versionBefore = desired(user).getLong("version");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Callable<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            workers.add(() -> {
                List<String> outcomes = new ArrayList<>();
                for (int i = 0; i < SWITCHES_PER_THREAD; i++) {
                    outcomes.add(switchTo(user, profiles[(offset + i) % 3]).statusCode(200).extract().jsonPath()
                            .getString("outcome"));
                }
                return outcomes;
            });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<List<String>> f : pool.invokeAll(workers)) {
            outcomes.addAll(f.get());
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        JsonPath history = asAdmin().get("/api/v1/users/" + user + "/history?size=200").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> rows = new ArrayList<>(history.getList("items"));
        rows.remove(rows.size() - 1); // the "new user" row
        assertThat(rows).hasSize(THREADS * SWITCHES_PER_THREAD);
        long switched = outcomes.stream().filter("SWITCHED"::equals).count();
        assertThat(rows.stream().filter(r -> "SWITCHED".equals(r.get("outcome"))).count()).isEqualTo(switched);
        // oldest first: every switch starts where the previous one ended
        java.util.Collections.reverse(rows);
        Object current = 1;
        for (Map<String, Object> row : rows) {
            if ("SWITCHED".equals(row.get("outcome"))) {
                assertThat(row.get("fromProfileId")).as("row %s", row.get("id")).isEqualTo(current);
                current = row.get("toProfileId");
            } else {
                assertThat(row.get("outcome")).isEqualTo("ALREADY_ACTIVE");
                assertThat(row.get("toProfileId")).isEqualTo(current);
            }
        }

        JsonPath state = desired(user);
        assertThat(state.getLong("version")).isEqualTo(versionBefore + switched);
        long active = ((Number) current).longValue();
        assertThat(state.getLong("presence.profileId")).isEqualTo(active);
        assertThat(state.getList("teams")).hasSize(active == a ? 1 : 0);
        assertThat(state.getMap("redirects")).containsOnlyKeys(active == a ? List.of("ALWAYS")
                : active == b ? List.of("BUSY") : List.of());
        assertThat(state.getBoolean("gsm.enabled")).isEqualTo(active == b);
        assertThat(state.getBoolean("reachable")).isEqualTo(active != c);
    }
}
