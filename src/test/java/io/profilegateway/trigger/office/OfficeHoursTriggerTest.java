package io.profilegateway.trigger.office;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.profilegateway.directory.group.OfficeService;
import io.profilegateway.directory.group.OfficeTransition;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OFFICE_HOURS triggers: a group's schedule, holidays and a receptionist's override switch its members. */
@QuarkusTest
class OfficeHoursTriggerTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    OfficeService offices;

    long office;
    long elsewhere;
    long open;
    long lunch;
    long closed;

    @BeforeEach
    void officeWithProfiles() {
        office = group(Map.of(
                "weekly", List.of(interval("MON", "08:00", "12:00", "OPEN"), interval("MON", "12:00", "13:00", "BREAK"),
                        interval("MON", "13:00", "17:00", "OPEN"), interval("THU", "08:00", "17:00", "OPEN")),
                "exceptions", List.of(Map.of("date", "2026-12-24", "name", "Christmas Eve"))));
        elsewhere = group(Map.of());
        open = officeProfile("OPEN");
        lunch = officeProfile("BREAK");
        closed = officeProfile("CLOSED");
    }

    @Test
    void shouldSwitchTheGroupsMembersWhenItsScheduleOpensBreaksAndCloses() {
        long primary = id(createUser("USER", office));
        long secondary = id(createUser("USER", elsewhere, office));
        long outsider = id(createUser("USER", elsewhere));

        assertThat(ownTransitions(berlin(2026, 11, 23, 9, 0))).isEmpty(); // first sight: nothing opened
        assertThat(ownTransitions(berlin(2026, 11, 23, 12, 5))).singleElement()
                .satisfies(t -> assertThat(t.to()).hasToString("BREAK"));
        assertActive(primary, lunch);
        assertActive(secondary, lunch);
        assertActive(outsider, 1);

        ownTransitions(berlin(2026, 11, 23, 13, 5));
        assertActive(primary, open);
        ownTransitions(berlin(2026, 11, 23, 17, 30));
        assertActive(primary, closed);
        assertThat(lastSource(primary)).isEqualTo("TIME");
    }

    @Test
    void shouldKeepTheOfficeClosedOnAHoliday() {
        long member = id(createUser("USER", office));

        ownTransitions(berlin(2026, 12, 17, 7, 0)); // a Thursday before opening
        assertThat(ownTransitions(berlin(2026, 12, 17, 9, 0))).singleElement()
                .satisfies(t -> assertThat(t.to()).hasToString("OPEN"));
        assertThat(ownTransitions(berlin(2026, 12, 17, 18, 0))).hasSize(1);
        assertThat(ownTransitions(berlin(2026, 12, 24, 9, 0))).isEmpty(); // Thursday, but Christmas Eve
        assertActive(member, closed);
    }

    @Test
    void shouldLetTheGroupsReceptionistOverrideAndSwitchMembersAtOnce() {
        Map<String, Object> receptionist = createUser("RECEPTIONIST", office);
        Map<String, Object> foreignReceptionist = createUser("RECEPTIONIST", elsewhere);
        long member = id(createUser("USER", office));

        override(receptionist, "OPEN").statusCode(200).body("override", equalTo("OPEN"));
        override(receptionist, "CLOSED").statusCode(200).body("state", equalTo("CLOSED"))
                .body("override", equalTo("CLOSED")).body("overrideBy", containsString("user"));

        assertActive(member, closed);
        asUser(receptionist).get("/api/v1/groups/" + office + "/office").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("override", equalTo("CLOSED"));
        override(foreignReceptionist, "OPEN").statusCode(403);
        override(createUser("USER", office), "OPEN").statusCode(403);
        asUser(receptionist).body(Map.of("state", "LUNCH")).put("/api/v1/groups/" + office + "/office-override")
                .then().statusCode(400).body("violations[0].field", containsString("state"));
        asUser(receptionist).body("{\"state\":null}").put("/api/v1/groups/" + office + "/office-override").then()
                .statusCode(200).body("override", nullValue()).body("overrideBy", nullValue());
        asAdmin().body(Map.of("state", "OPEN")).put("/api/v1/groups/999999/office-override").then().statusCode(404);
    }

    @Test
    void shouldEndAnOverrideAtItsUntilAndLetTheOfficeHoursRuleAgain() {
        long openHere = createProfile(Map.of("groupIds", List.of(elsewhere), "triggers",
                List.of(Map.of("type", "OFFICE_HOURS", "group", elsewhere, "when", "OPEN"))), List.of(), List.of());
        long closedHere = createProfile(Map.of("groupIds", List.of(elsewhere), "triggers",
                List.of(Map.of("type", "OFFICE_HOURS", "group", elsewhere, "when", "CLOSED"))), List.of(), List.of());
        long member = id(createUser("USER", elsewhere));
        Instant until = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        String path = "/api/v1/groups/" + elsewhere + "/office-override";

        asAdmin().body(Map.of("state", "OPEN", "until", until.toString())).put(path).then().statusCode(200)
                .body("override", equalTo("OPEN")).body("overrideUntil", equalTo(until.toString()));
        assertActive(member, openHere); // no office hours: by its schedule the office is closed

        offices.evaluateAll(until.minusSeconds(60));
        assertActive(member, openHere);
        assertThat(offices.evaluateAll(until.plusSeconds(1))).filteredOn(t -> t.groupId() == elsewhere)
                .singleElement().satisfies(t -> assertThat(t.to()).hasToString("CLOSED"));
        assertActive(member, closedHere);
        asAdmin().get("/api/v1/groups/" + elsewhere + "/office").then().statusCode(200)
                .body("override", nullValue()).body("overrideUntil", nullValue()).body("state", equalTo("CLOSED"));
    }

    @Test
    void shouldRefuseAnOverrideUntilInThePastTooFarOrWithoutAState() {
        String path = "/api/v1/groups/" + office + "/office-override";
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("state", "OPEN", "until", Instant.now().minusSeconds(5).toString()),
                Map.of("state", "OPEN", "until", Instant.now().plus(Duration.ofDays(40)).toString()),
                Map.of("state", "OPEN", "until", "tomorrow"),
                new HashMap<>(Map.of("until", Instant.now().plusSeconds(600).toString())))) {
            asAdmin().body(body).put(path).then().statusCode(400).body("violations[0].field", equalTo("until"));
        }
        asAdmin().get("/api/v1/groups/" + office + "/office").then().body("override", nullValue());
    }

    private List<OfficeTransition> ownTransitions(Instant at) {
        return offices.evaluateAll(at).stream().filter(t -> t.groupId() == office).toList();
    }

    private io.restassured.response.ValidatableResponse override(Map<String, Object> user, String state) {
        return asUser(user).body(Map.of("state", state)).put("/api/v1/groups/" + office + "/office-override").then();
    }

    private long officeProfile(String when) {
        return createProfile(Map.of("groupIds", List.of(office), "triggers",
                List.of(Map.of("type", "OFFICE_HOURS", "group", office, "when", when))), List.of(), List.of());
    }

    private static long group(Map<String, Object> officeHours) {
        Map<String, Object> body = new HashMap<>(Map.of("name", unique("office"), "language", "de", "timeZone",
                "Europe/Berlin", "officeHours", officeHours));
        return asAdmin().body(body).post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> interval(String day, String from, String to, String state) {
        return Map.of("day", day, "from", from, "to", to, "state", state);
    }

    private static Instant berlin(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, BERLIN).toInstant();
    }

    private static void assertActive(long userId, long profileId) {
        asAdmin().get("/api/v1/users/" + userId + "/profile").then().statusCode(200)
                .body("profileId", equalTo((int) profileId));
    }

    private static String lastSource(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/profile").then().extract().jsonPath().getString("source");
    }
}
