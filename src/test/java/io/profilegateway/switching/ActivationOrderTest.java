package io.profilegateway.switching;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.trigger.time.TimeJob;
import io.profilegateway.trigger.time.TimeJobs;
import io.profilegateway.trigger.time.TimeTriggerService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any order of starts and ends of a TIME trigger with {@code until} (Lunch), a Teams meeting, an office closing, a
 * manual switch and a manual switch with {@code until} leaves the user where README "Activations" says. Each row is a
 * sequence of steps {@code event:expected profile after it}, run with real triggers on a user of his own group who
 * starts in his own desk profile (chosen by hand).
 */
@QuarkusTest
class ActivationOrderTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Monday; Lunch fires every day 12:00–12:45. */
    static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, BERLIN);
    static final List<String> EVERY_DAY = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    @Inject
    TimeJobs jobs;

    @Inject
    TimeTriggerService time;

    @Inject
    SwitchService switches;

    @Inject
    SwitchEngine engine;

    @Inject
    UntilExpiry expiry;

    @Inject
    Clock clock;

    /*
     * L+ / L- Lunch's TIME trigger starts / ends; M+ / M- a Teams meeting starts / ends; C the office closes (a
     * receptionist's override: OFFICE_HOURS CLOSED); DND a manual switch to DND; DND~ a manual switch to DND for ten
     * minutes; ~ those ten minutes are over.
     */
    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("TIME inside TEAMS", false, "M+:meeting L+:lunch L-:meeting M-:desk"),
                Arguments.of("TIME inside a sticky TEAMS", true, "M+:meeting L+:meeting L-:meeting M-:desk"),
                Arguments.of("TEAMS inside TIME", true, "L+:lunch M+:meeting M-:lunch L-:desk"),
                Arguments.of("TIME first, overlapping", true, "L+:lunch M+:meeting L-:meeting M-:desk"),
                Arguments.of("TIME first, overlapping, not sticky", false, "L+:lunch M+:meeting L-:meeting M-:desk"),
                Arguments.of("TEAMS first, overlapping", true, "M+:meeting L+:meeting M-:lunch L-:desk"),
                Arguments.of("TEAMS first, overlapping, not sticky", false, "M+:meeting L+:lunch M-:lunch L-:desk"),
                Arguments.of("office closes during a sticky meeting", true, "M+:meeting C:meeting M-:closed"),
                Arguments.of("office closes during a meeting", false, "M+:meeting C:closed M-:closed"),
                Arguments.of("office closes during lunch", false, "L+:lunch C:closed L-:closed"),
                Arguments.of("manual during TIME", true, "L+:lunch DND:dnd L-:dnd"),
                Arguments.of("manual during TEAMS", true, "M+:meeting DND:dnd M-:dnd"),
                Arguments.of("manual during both", true, "L+:lunch M+:meeting DND:dnd L-:dnd M-:dnd"),
                Arguments.of("manual during a closed office", true, "C:closed DND:dnd M+:meeting M-:dnd"),
                Arguments.of("manual for a while during TEAMS", true, "M+:meeting DND~:dnd M-:dnd ~:desk"),
                Arguments.of("manual for a while, TEAMS ends after it", true, "M+:meeting DND~:dnd ~:meeting M-:desk"),
                Arguments.of("TIME during a manual while", false, "DND~:dnd L+:lunch L-:dnd ~:desk"),
                Arguments.of("manual while ends during TIME", false, "DND~:dnd L+:lunch ~:lunch L-:desk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void shouldLeaveTheUserWhereAPersonExpects(String name, boolean stickyMeeting, String steps) {
        long group = createGroup("Europe/Berlin");
        Map<String, Long> profiles = new HashMap<>();
        profiles.put("desk", createProfile(Map.of("groupIds", List.of(group)), List.of(), List.of()));
        profiles.put("lunch", createProfile(Map.of("groupIds", List.of(group), "triggers", List.of(Map.of(
                "type", "TIME", "at", "12:00", "until", "12:45", "days", EVERY_DAY))), List.of(), List.of()));
        profiles.put("meeting", createProfile(Map.of("groupIds", List.of(group), "sticky", stickyMeeting,
                "triggers", List.of(Map.of("type", "TEAMS_MEETING"))), List.of(), List.of()));
        profiles.put("closed", createProfile(Map.of("groupIds", List.of(group), "triggers", List.of(Map.of(
                "type", "OFFICE_HOURS", "group", group, "when", "CLOSED"))), List.of(), List.of()));
        profiles.put("dnd", 2L);
        // the office is open (an override: no hours are set), so that C is a transition; no profile is for OPEN
        asAdmin().body(Map.of("state", "OPEN")).put("/api/v1/groups/" + group + "/office-override").then()
                .statusCode(200);
        long user = id(createUser("USER", group));
        switchTo(user, profiles.get("desk")).statusCode(200);
        TimeJobs.Scheduled lunch = jobs.all().stream()
                .filter(s -> s.job().profileId() == profiles.get("lunch") && s.job().zone().equals(BERLIN))
                .findFirst().orElseThrow();

        int minute = 1;
        for (String step : steps.split(" ")) {
            String event = step.substring(0, step.indexOf(':'));
            String expected = step.substring(step.indexOf(':') + 1);
            Instant at = NOON.plusMinutes(minute++).toInstant();
            switch (event) {
                case "L+" -> time.fire(lunch, TimeJob.Edge.ENTER, NOON, at);
                case "L-" -> time.fire(lunch, TimeJob.Edge.RETURN, NOON, NOON.plusMinutes(46).toInstant());
                case "M+" -> switches.switchProfile(new SwitchCommand(user, profiles.get("meeting"), null,
                        SwitchSource.TEAMS, "teams"));
                case "M-" -> engine.returnFrom(user, profiles.get("meeting"), SwitchSource.TEAMS, "teams");
                case "C" -> asAdmin().body(Map.of("state", "CLOSED")).put("/api/v1/groups/" + group
                        + "/office-override").then().statusCode(200);
                case "DND" -> switchTo(user, 2).statusCode(200);
                case "DND~" -> asAdmin().body(Map.of("profileId", 2, "until",
                        clock.instant().plus(Duration.ofMinutes(10)).toString()))
                        .put("/api/v1/users/" + user + "/profile").then().statusCode(200);
                case "~" -> expiry.expire(clock.instant().plus(Duration.ofMinutes(11)));
                default -> throw new IllegalArgumentException(event);
            }
            long active = asAdmin().get("/api/v1/users/" + user + "/profile").then().statusCode(200).extract()
                    .jsonPath().getLong("profileId");
            assertThat(active).as("%s: after %s", name, event).isEqualTo(profiles.get(expected));
        }
    }
}
