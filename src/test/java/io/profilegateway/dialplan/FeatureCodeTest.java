package io.profilegateway.dialplan;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.profilegateway.profile.Profile;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feature codes over FastAGI, driven as Asterisk would: {@code *55<id>}, {@code *56}, {@code *76}. */
@QuarkusTest
class FeatureCodeTest {

    private static final String BEEP = "STREAM FILE \"beep\" \"\"";
    private static final String BEEPERR = "STREAM FILE \"beeperr\" \"\"";

    @ConfigProperty(name = "gateway.agi.port")
    int port;

    Map<String, Object> user;
    long userId;
    String ext;
    String phone;

    @BeforeEach
    void aUserWithADeskPhone() {
        user = createUser("USER");
        userId = id(user);
        ext = (String) user.get("extension");
        phone = "PJSIP/" + user.get("username") + "-0000002a";
    }

    @Test
    void star55SwitchesTheCallerToTheProfileWithThatIdAndBeeps() throws IOException {
        long lunch = createProfile(List.of(), List.of());

        List<String> commands = FastAgiCall.dial(port, "profile?id=" + lunch, phone, "99999");

        assertThat(commands).startsWith("ANSWER", BEEP).doesNotContain(BEEPERR);
        assertThat(activeProfile()).isEqualTo(lunch);
        Map<String, Object> latest = latestHistory();
        assertThat(latest).containsEntry("source", "DIALPLAN").containsEntry("outcome", "SWITCHED")
                .containsEntry("actor", "dialplan " + ext);
        assertThat(((Number) latest.get("toProfileId")).longValue()).isEqualTo(lunch);
    }

    @Test
    void theCallerIdCountsWhenTheChannelIsNoDeviceOfAnyone() throws IOException {
        long lunch = createProfile(List.of(), List.of());

        List<String> commands = FastAgiCall.dial(port, "profile?id=" + lunch,
                "Local/" + ext + "@from-internal-00000001;2", ext);

        assertThat(commands).contains(BEEP);
        assertThat(activeProfile()).isEqualTo(lunch);
    }

    @Test
    void star56GoesBackToThePreviousProfile() throws IOException {
        long lunch = createProfile(List.of(), List.of());
        switchTo(userId, lunch).statusCode(200);

        List<String> commands = FastAgiCall.dial(port, "back", phone, ext);

        assertThat(commands).contains(BEEP);
        assertThat(activeProfile()).isEqualTo(Profile.AVAILABLE_ID);
        assertThat(latestHistory()).containsEntry("source", "DIALPLAN");
    }

    @Test
    void star76TogglesDndOneBeepOnTwoBeepsOffAndReturnsToTheProfileBefore() throws IOException {
        long homeOffice = createProfile(List.of(), List.of());
        switchTo(userId, homeOffice).statusCode(200);

        assertThat(FastAgiCall.dial(port, "dnd", phone, ext)).containsOnlyOnce(BEEP);
        assertThat(activeProfile()).isEqualTo(Profile.DND_ID);
        assertThat(asAdmin().get("/api/v1/users/" + userId + "/pbx-state").then().statusCode(200).extract()
                .jsonPath().getBoolean("desired.reachable")).isFalse();

        List<String> off = FastAgiCall.dial(port, "dnd", phone, ext);
        assertThat(off.stream().filter(BEEP::equals)).hasSize(2);
        assertThat(activeProfile()).isEqualTo(homeOffice);
    }

    @Test
    void anUnknownProfileIdPlaysTheErrorToneAndSwitchesNothing() throws IOException {
        int before = historySize();

        assertThat(FastAgiCall.dial(port, "profile?id=987654321", phone, ext)).startsWith("ANSWER", BEEPERR)
                .doesNotContain(BEEP);

        assertThat(activeProfile()).isEqualTo(Profile.AVAILABLE_ID);
        // nothing switched, but the refusal is recorded (product.md §2: every switch is recorded)
        assertThat(historySize()).isEqualTo(before + 1);
        assertThat(latestOutcome()).isEqualTo("REFUSED");
    }

    @Test
    void aProfileTheCallerMayNotUseIsRefused() throws IOException {
        long managersOnly = createProfile(Map.of("roles", List.of("MANAGER")), List.of(), List.of());

        assertThat(FastAgiCall.dial(port, "profile?id=" + managersOnly, phone, ext)).contains(BEEPERR);

        assertThat(activeProfile()).isEqualTo(Profile.AVAILABLE_ID);
        assertThat(latestOutcome()).isEqualTo("REFUSED");
    }

    @Test
    void aPhoneOfNobodyPlaysTheErrorTone() throws IOException {
        assertThat(FastAgiCall.dial(port, "dnd", "PJSIP/nobody-here-00000001", "0000000")).startsWith("ANSWER",
                BEEPERR);
        assertThat(activeProfile()).isEqualTo(Profile.AVAILABLE_ID);
    }

    @Test
    void aMalformedIdOrAnUnknownScriptPlaysTheErrorTone() throws IOException {
        assertThat(FastAgiCall.dial(port, "profile?id=12ab", phone, ext)).contains(BEEPERR);
        assertThat(FastAgiCall.dial(port, "profile", phone, ext)).contains(BEEPERR);
        assertThat(FastAgiCall.dial(port, "reboot", phone, ext)).contains(BEEPERR);
        assertThat(activeProfile()).isEqualTo(Profile.AVAILABLE_ID);
    }

    @Test
    void star55AloneCyclesThroughTheFavouritesAndSaysWhichOneItIs() throws IOException {
        long first = createProfile(List.of(), List.of());
        long second = createProfile(List.of(), List.of());
        asUser(user).body(Map.of("profileIds", List.of(first, second))).put(favourites()).then().statusCode(200)
                .body("profileIds", equalTo(List.of((int) first, (int) second)));

        assertThat(FastAgiCall.dial(port, "favourites", phone, ext)).containsSequence(BEEP, "SAY NUMBER \"1\" \"\"");
        assertThat(activeProfile()).isEqualTo(first);
        assertThat(FastAgiCall.dial(port, "favourites", phone, ext)).containsSequence(BEEP, "SAY NUMBER \"2\" \"\"");
        assertThat(activeProfile()).isEqualTo(second);
        assertThat(FastAgiCall.dial(port, "favourites", phone, ext)).contains("SAY NUMBER \"1\" \"\"");
        assertThat(activeProfile()).as("after the last comes the first").isEqualTo(first);
        assertThat(latestHistory()).containsEntry("source", "DIALPLAN");
    }

    @Test
    void star55WithoutFavouritesPlaysTheErrorTone() throws IOException {
        assertThat(FastAgiCall.dial(port, "favourites", phone, ext)).contains(BEEPERR);
        assertThat(activeProfile()).isEqualTo(Profile.AVAILABLE_ID);
    }

    @Test
    void favouritesAreProfilesTheUserMayUseEachOnceSetByHimOrWhoeverMaySwitchHim() {
        long mine = createProfile(List.of(), List.of());
        long managersOnly = createProfile(Map.of("roles", List.of("MANAGER")), List.of(), List.of());
        asUser(user).body(Map.of("profileIds", List.of(mine, 987654321L))).put(favourites()).then().statusCode(400)
                .body("violations[0].field", equalTo("profileIds[1]"));
        asUser(user).body(Map.of("profileIds", List.of(mine, mine))).put(favourites()).then().statusCode(400)
                .body("violations[0].field", equalTo("profileIds[1]"));
        asUser(user).body(Map.of("profileIds", List.of(managersOnly))).put(favourites()).then().statusCode(400)
                .body("violations[0].field", equalTo("profileIds[0]"));
        asUser(user).body(Map.of()).put(favourites()).then().statusCode(400)
                .body("violations[0].field", equalTo("profileIds"));
        asUser(user).body("{\"profileIds\": \"seven\"}").put(favourites()).then().statusCode(400);
        asUser(user).body(Map.of("profileIds", java.util.Collections.nCopies(21, mine))).put(favourites()).then()
                .statusCode(400).body("violations[0].field", equalTo("profileIds"));

        asUser(createUser("USER")).body(Map.of("profileIds", List.of(mine))).put(favourites()).then()
                .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        asAdmin().body(Map.of("profileIds", List.of(mine))).put(favourites()).then().statusCode(200);
        asUser(user).get(favourites()).then().statusCode(200).body("profileIds", equalTo(List.of((int) mine)));

        asAdmin().delete("/api/v1/profiles/" + mine).then().statusCode(204);
        asUser(user).get(favourites()).then().statusCode(200).body("profileIds", equalTo(List.of()));
    }

    private String favourites() {
        return "/api/v1/users/" + userId + "/favourites";
    }

    private long activeProfile() {
        return asAdmin().get("/api/v1/users/" + userId + "/profile").then().statusCode(200).extract().jsonPath()
                .getLong("profileId");
    }

    private Map<String, Object> latestHistory() {
        return asAdmin().get("/api/v1/users/" + userId + "/history").then().statusCode(200).extract().jsonPath()
                .getMap("items[0]");
    }

    private String latestOutcome() {
        return asAdmin().get("/api/v1/users/" + userId + "/history").then().statusCode(200).extract().jsonPath()
                .getString("items[0].outcome");
    }

    private int historySize() {
        return asAdmin().get("/api/v1/users/" + userId + "/history").then().statusCode(200).extract().jsonPath()
                .getInt("total");
    }
}
