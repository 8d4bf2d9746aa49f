package io.profilegateway.web;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page in a real headless Chromium against the running gateway (real AMI to the simulator, real database):
 * sign-in, my presence, the colleagues board kept live over SSE, and what a USER may not reach. Two browsers: a
 * USER and the admin. Every page is saved as a PNG under target/screenshots/.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageTest {

    @TestHTTPResource("/")
    URL base;

    Browser user;
    Browser admin;
    Map<String, Object> anna;
    long annaId;
    long lunch;
    long redirect;

    /** Once, before the first test (in @BeforeEach: RestAssured knows the test port only from there on). */
    @BeforeEach
    void openBrowsers() {
        if (user != null) {
            return;
        }
        long group = asAdmin().body(Map.of("name", Api.unique("Berlin"), "language", "en", "timeZone", "Europe/Berlin"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        anna = createUser("USER", group);
        annaId = id(anna);
        lunch = createProfile(Map.of("color", "#F9A825", "icon", "coffee"),
                List.of(action("GSM_MODE", "enabled", true)), List.of(action("GSM_MODE", "enabled", false)));
        redirect = createProfile(Map.of("color", "#6A1B9A", "icon", "phone"),
                List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "ask")),
                List.of(action("UNSET_REDIRECT", "kind", "ALWAYS")));
        user = new Browser(base.toString());
        admin = new Browser(base.toString());
        user.signIn((String) anna.get("username"), Api.PASSWORD);
        admin.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    @AfterAll
    void closeBrowsers() {
        if (user != null) {
            user.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    private static String buttonOf(long profileId) {
        return "#profiles .profile-button[data-profile-id='" + profileId + "']";
    }

    private WebElement button(Browser b, long profileId) {
        return b.find(buttonOf(profileId));
    }

    private void awaitPressed(Browser b, long profileId) {
        b.until(d -> "true".equals(b.attribute(buttonOf(profileId), "aria-pressed")));
    }

    private static String cardOf(long userId) {
        return "#board .colleague[data-user-id='" + userId + "']";
    }

    @Test
    void signingInWithTheFormShowsMyProfilesAndAWrongPasswordSaysSo() {
        Browser b = new Browser(base.toString());
        try {
            b.open("#/presence");
            b.find("#signin input[name=username]").sendKeys((String) anna.get("username"));
            b.find("#signin input[name=password]").sendKeys("not-my-password");
            b.screenshot("sign-in");
            b.find("#signin button[type=submit]").click();
            b.until(d -> !d.findElement(By.id("signin-error")).getText().isEmpty());
            assertThat(b.find("#signin-error").getText()).isEqualTo("Wrong user name or password.");
            assertThat(b.present("#signin-microsoft")).as("Microsoft sign-in is not configured").isFalse();
            b.find("#signin input[name=password]").sendKeys(Keys.chord(Keys.CONTROL, "a"), Api.PASSWORD, Keys.ENTER);
            assertThat(button(b, lunch).getText()).contains("profile-");
            assertThat(b.find("#who").getText()).isEqualTo(anna.get("displayName"));
            assertThat(b.driver.manage().getCookieNamed("pgw_session").isHttpOnly()).isTrue();
            b.find("#signout").click();
            b.find("#signin");
        } finally {
            b.close();
        }
    }

    @Test
    void aUserOfAGermanGroupGetsThePageInGerman() {
        long group = asAdmin().body(Map.of("name", Api.unique("München"), "language", "de", "timeZone", "Europe/Berlin"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> berta = createUser("USER", group);
        Browser b = new Browser(base.toString());
        try {
            b.signIn((String) berta.get("username"), Api.PASSWORD);
            assertThat(b.find("#presence-title").getText()).isEqualTo("Meine Präsenz");
            assertThat(b.find("#signout").getText()).isEqualTo("Abmelden");
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            b.width(360);
            b.screenshot("presence-de-360px");
        } finally {
            b.close();
        }
    }

    @Test
    void aClickOnAProfileButtonSwitchesMeAndReachesThePbx() {
        user.open("#/presence");
        button(user, lunch).click();
        awaitPressed(user, lunch);
        user.find("#history tbody td");
        user.screenshot("presence");
        JsonPath active = asAdmin().get("/api/v1/users/" + annaId + "/profile").then().statusCode(200).extract().jsonPath();
        assertThat(active.getLong("profileId")).isEqualTo(lunch);
        assertThat(active.getString("source")).isEqualTo("MANUAL");
        assertThat(Api.desired(annaId).getBoolean("gsm.enabled")).isTrue();
        String name = button(user, lunch).getText();
        user.until(d -> d.findElement(By.cssSelector("#history tbody")).getText().contains(name));
    }

    @Test
    void aSwitchForHalfAnHourIsSentWithItsUntilAndShown() {
        Api.switchTo(annaId, 1L).statusCode(200);
        user.open("#/presence");
        awaitPressed(user, 1L);
        new Select(user.find("#switch-duration")).selectByValue("30");
        Instant clicked = Instant.now();
        button(user, lunch).click();
        awaitPressed(user, lunch);
        user.find("#active-until");
        user.screenshot("presence-for-30-minutes");
        Instant until = Instant.parse(asAdmin().get("/api/v1/users/" + annaId + "/profile").then().statusCode(200)
                .extract().jsonPath().getString("until"));
        assertThat(until).isBetween(clicked.plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
        new Select(user.find("#switch-duration")).selectByValue("");
        button(user, 1L).click();
        awaitPressed(user, 1L);
        assertThat(asAdmin().get("/api/v1/users/" + annaId + "/profile").then().statusCode(200).extract().jsonPath()
                .getString("until")).isNull();
        assertThat(user.present("#active-until")).isFalse();
    }

    @Test
    void aColleaguesBoardSeesTheSwitchWithinOneSecondWithoutReloading() {
        Api.switchTo(annaId, 1L).statusCode(200);
        admin.open("#/board");
        admin.find(cardOf(annaId));
        admin.until(d -> "check-circle".equals(admin.attribute(cardOf(annaId), "data-icon")));
        admin.find("#board-search").sendKeys((String) anna.get("displayName"));
        admin.until(d -> d.findElements(By.cssSelector("#board .colleague")).size() == 1);
        user.open("#/presence");
        WebElement lunchButton = button(user, lunch);
        long start = System.nanoTime();
        lunchButton.click();
        admin.until(d -> "coffee".equals(admin.attribute(cardOf(annaId), "data-icon")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        org.jboss.logging.Logger.getLogger(WebPageTest.class)
                .infof("click on one browser to the colleague's icon on the other: %d ms", millis);
        admin.screenshot("board");
        assertThat(millis).as("click to the colleague's icon on the other browser, ms").isLessThan(1000);
        assertThat(admin.find(cardOf(annaId) + " .status").getText())
                .isEqualTo(button(user, lunch).getText());
        admin.width(360);
        admin.screenshot("board-360px");
        admin.width(1280);
    }

    @Test
    void anInvalidRedirectTargetIsShownAtTheFieldAndAValidOneSwitches() {
        Api.switchTo(annaId, 1L).statusCode(200);
        user.open("#/presence");
        button(user, redirect).click();
        WebElement target = user.find("#ask-dialog input[data-field='parameters.redirectTarget']");
        assertThat(user.driver.switchTo().activeElement()).isEqualTo(target);
        target.sendKeys("call me maybe");
        user.find("#ask-ok").click();
        WebElement error = user.find("#ask-dialog .field-error");
        assertThat(error.getText()).contains("dial string");
        assertThat(target.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(target.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
        user.screenshot("redirect-invalid");
        assertThat(asAdmin().get("/api/v1/users/" + annaId + "/profile").then().extract().jsonPath()
                .getLong("profileId")).isEqualTo(1L);
        target.clear();
        target.sendKeys("+4930123456");
        user.find("#ask-ok").click();
        awaitPressed(user, redirect);
        assertThat(Api.desired(annaId).getString("redirects.ALWAYS")).isEqualTo("+4930123456");
    }

    @Test
    void aUserSeesNoAdministrationAndTheServerRefusesItAnyway() {
        user.open("#/presence");
        user.find("#nav");
        assertThat(user.driver.findElements(By.cssSelector("#nav a[href^='#/admin']"))).isEmpty();
        user.open("#/admin/profiles");
        assertThat(user.find("#not-allowed").isDisplayed()).isTrue();
        user.screenshot("admin-refused");
        Object status = user.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/api.js').then(m => m.api('/api/v1/profiles', {method: 'POST', body: {name: 'mine',"
                + " assignment: 'ADMIN', presence: 'away'}})).then(() => done(200), e => done(e.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(admin.driver.findElements(By.cssSelector("#nav a[href^='#/admin']"))).hasSize(1);
    }

    private static String sectionOf(String name) {
        return "#board section[data-section='" + name + "']";
    }

    private static List<String> namesIn(Browser b, String section) {
        return b.driver.findElements(By.cssSelector(section + " .colleague strong")).stream().map(WebElement::getText)
                .sorted().toList();
    }

    @Test
    void theBoardGroupsByTeamWithAUserInTwoTeamsInBothAndKeepsTheChoice() {
        long group = createGroup("Europe/Berlin"); // language de: the page speaks German
        Map<String, Object> viewer = createUser("USER", group);
        Map<String, Object> both = createUser("USER", group);
        Map<String, Object> one = createUser("USER", group);
        Map<String, Object> none = createUser("USER", group);
        String support = Api.createTeam(group);
        String sales = Api.createTeam(group);
        Api.switchTo(id(both), createProfile(List.of(action("TEAM_LOGIN", "team", support),
                action("TEAM_LOGIN", "team", sales)), List.of())).statusCode(200);
        long supportOnly = createProfile(List.of(action("TEAM_LOGIN", "team", support)), List.of());
        Api.switchTo(id(one), supportOnly).statusCode(200);
        String bothName = (String) both.get("displayName");
        String oneName = (String) one.get("displayName");
        String noneName = (String) none.get("displayName");
        Browser b = new Browser(base.toString());
        try {
            b.signIn((String) viewer.get("username"), Api.PASSWORD);
            b.open("#/board");
            b.find("#board-grouping input[value='group']");
            assertThat(b.find("#board-grouping input[value='group']").isSelected()).as("by group at first").isTrue();
            b.find("#board-grouping input[value='team']").click();
            b.find(sectionOf(support));
            assertThat(namesIn(b, sectionOf(support))).containsExactlyInAnyOrder(bothName, oneName);
            assertThat(namesIn(b, sectionOf(sales))).containsExactly(bothName);
            assertThat(namesIn(b, sectionOf("Ohne Team"))).contains(noneName, (String) viewer.get("displayName"))
                    .doesNotContain(bothName, oneName);
            b.screenshot("board-by-team");

            b.driver.navigate().refresh();
            b.find(sectionOf(support));
            assertThat(b.find("#board-grouping input[value='team']").isSelected()).as("kept in localStorage").isTrue();

            Api.switchTo(id(none), supportOnly).statusCode(200);
            b.until(d -> namesIn(b, sectionOf(support)).contains(noneName));
            assertThat(namesIn(b, sectionOf("Ohne Team"))).doesNotContain(noneName);

            b.find("#board-grouping input[value='group']").click();
            b.until(d -> !b.present(sectionOf(support)));
        } finally {
            b.close();
        }
    }

    @Test
    void whenTheSessionEndsElsewhereTheStreamEndsAndThePageShowsTheSignIn() {
        Map<String, Object> someone = createUser("USER");
        Browser b = new Browser(base.toString());
        try {
            b.signIn((String) someone.get("username"), Api.PASSWORD);
            b.open("#/board");
            b.until(d -> "Live".equals(d.findElement(By.id("live-state")).getText()));
            String session = b.driver.manage().getCookieNamed("pgw_session").getValue();
            long start = System.nanoTime();
            io.restassured.RestAssured.given().cookie("pgw_session", session).cookie("pgw_csrf", "t")
                    .header("X-CSRF-Token", "t").post("/logout").then().statusCode(204);

            b.find("#signin input[name=username]");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            b.screenshot("session-ended-sign-in");
        } finally {
            b.close();
        }
    }
}
