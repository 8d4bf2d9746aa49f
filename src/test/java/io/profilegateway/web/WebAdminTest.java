package io.profilegateway.web;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
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
 * The administration screens in a real headless Chromium, signed in as the admin: the profile editor (a 3-action
 * enter chain reordered by keyboard and by drag, a TIME trigger, the API's violation at its field), users, groups
 * with the office override, teams, API tokens (the secret shown once) and a user's PBX sync state.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAdminTest {

    @TestHTTPResource("/")
    URL base;

    Browser admin;
    String team;
    long groupId;
    String groupName;

    @BeforeEach
    void openBrowser() {
        if (admin != null) {
            return;
        }
        groupName = Api.unique("Hamburg");
        groupId = asAdmin().body(Map.of("name", groupName, "language", "en", "timeZone", "Europe/Berlin"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        team = Api.createTeam(null);
        admin = new Browser(base.toString());
        admin.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    @AfterAll
    void closeBrowser() {
        if (admin != null) {
            admin.close();
        }
    }

    private List<String> chainTypes() {
        return admin.driver.findElements(By.cssSelector("#chain-enterActions > li")).stream()
                .map(li -> li.getAttribute("data-type")).toList();
    }

    private void addAction(String type) {
        new Select(admin.find("#add-enterActions-type")).selectByValue(type);
        admin.find("#add-enterActions").click();
    }

    private WebElement input(String field) {
        return admin.find("[data-field='" + field + "']");
    }

    @Test
    void aProfileWithAThreeActionEnterChainIsMadeInTheEditorReorderedByKeyboardAndByDrag() {
        admin.open("#/admin/profiles");
        admin.find("#new-profile").click();
        String name = Api.unique("Lunch");
        input("name").sendKeys(name);
        addAction("GSM_MODE");
        addAction("SET_REDIRECT");
        input("enterActions[1].target").sendKeys("not a number");
        addAction("TEAM_PAUSE");
        new Select(input("enterActions[2].team")).selectByValue(team);
        input("enterActions[2].reason").sendKeys("lunch");
        assertThat(chainTypes()).containsExactly("GSM_MODE", "SET_REDIRECT", "TEAM_PAUSE");

        WebElement up = admin.find("#chain-enterActions > li:nth-child(3) .up");
        up.sendKeys(Keys.ENTER);
        assertThat(chainTypes()).as("TEAM_PAUSE moved up by keyboard").containsExactly("GSM_MODE", "TEAM_PAUSE", "SET_REDIRECT");
        assertThat(admin.driver.switchTo().activeElement().getAttribute("class")).as("focus stays on the moved action")
                .isEqualTo("up");
        admin.driver.executeScript("const [from, to] = arguments;"
                + "const data = new DataTransfer();"
                + "from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));"
                + "to.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));"
                + "to.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));",
                admin.find("#chain-enterActions > li:nth-child(1)"), admin.find("#chain-enterActions > li:nth-child(3)"));
        assertThat(chainTypes()).as("GSM_MODE dragged to the end").containsExactly("TEAM_PAUSE", "SET_REDIRECT", "GSM_MODE");

        admin.find("#add-trigger").click();
        admin.driver.executeScript("arguments[0].value = '07:30'; arguments[0].dispatchEvent(new Event('change'));",
                input("triggers[0].at"));
        admin.find("[data-field='triggers[0].days'] input[value='SAT']").click();

        admin.find("#save-profile").click();
        WebElement error = admin.find("#profile-form .field-error");
        assertThat(input("enterActions[1].target").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(error.getText()).contains("dial string");
        admin.screenshot("profile-editor-invalid");

        input("enterActions[1].target").clear();
        input("enterActions[1].target").sendKeys("2000");
        admin.find("#save-profile").click();
        admin.until(d -> d.getCurrentUrl().matches(".*#/admin/profiles/\\d+$"));
        long id = Long.parseLong(admin.driver.getCurrentUrl().replaceAll(".*/", ""));
        admin.find("#profile-form");
        admin.screenshot("profile-editor");
        JsonPath saved = asAdmin().get("/api/v1/profiles/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(saved.getString("name")).isEqualTo(name);
        assertThat(saved.getList("enterActions.type")).containsExactly("TEAM_PAUSE", "SET_REDIRECT", "GSM_MODE");
        assertThat(saved.getString("enterActions[0].team")).isEqualTo(team);
        assertThat(saved.getString("enterActions[1].target")).isEqualTo("2000");
        assertThat(saved.getString("triggers[0].at")).isEqualTo("07:30");
        assertThat(saved.getList("triggers[0].days")).containsExactly("MON", "TUE", "WED", "THU", "FRI", "SAT");

        admin.open("#/admin/profiles");
        assertThat(admin.find("#profile-list a[data-profile-id='" + id + "']").getText()).contains(name);
        admin.screenshot("profiles");
    }

    @Test
    void aUserMadeInTheFormIsListedAndABadExtensionIsShownAtItsField() {
        admin.open("#/admin/users");
        admin.find("#users-new").click();
        String name = Api.unique("Berta");
        input("displayName").sendKeys(name);
        input("username").sendKeys(name.toLowerCase());
        input("extension").sendKeys("12a");
        admin.find("#users-save").click();
        assertThat(admin.find("#users-form .field-error").getText()).isNotBlank();
        assertThat(input("extension").getAttribute("aria-invalid")).isEqualTo("true");
        admin.screenshot("users-invalid");
        input("extension").clear();
        String extension = Api.extension();
        input("extension").sendKeys(extension);
        admin.find("#users-save").click();
        admin.until(d -> d.findElement(By.id("users-list")).getText().contains(name));
        admin.screenshot("users");
        // by extension: the whole suite's directory is far longer than a page
        JsonPath users = asAdmin().get("/api/v1/users?extension=" + extension).then().statusCode(200).extract()
                .jsonPath();
        assertThat(users.getList("items.displayName")).containsExactly(name);
        long id = users.getLong("items[0].id");

        assertThat(id).isPositive();
        admin.open("#/admin/users");
        admin.find("#users-list button[aria-label='Edit: " + name + "']").click();
        admin.find("#password-form input").sendKeys("short");
        admin.find("#password-save").click();
        assertThat(admin.find("#password-form .field-error").getText()).contains("10 to 200");
        admin.find("#password-form input").clear();
        admin.find("#password-form input").sendKeys("a-long-enough-password");
        admin.find("#password-save").click();
        admin.until(d -> !d.findElement(By.cssSelector("#password-form [role=status]")).getText().isEmpty());
        Api.as(name.toLowerCase(), "a-long-enough-password").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void theReceptionistsOverrideButtonClosesTheOfficeAndBackToSchedule() {
        admin.open("#/admin/groups");
        String row = "#groups-list tr:has(#office-" + groupId + ")";
        admin.find(row + " button[data-override='CLOSED']").click();
        admin.until(d -> d.findElement(By.id("office-" + groupId)).getText().startsWith("CLOSED (Override: admin"));
        admin.screenshot("groups");
        assertThat(asAdmin().get("/api/v1/groups/" + groupId + "/office").then().extract().jsonPath()
                .getString("override")).isEqualTo("CLOSED");
        admin.find(row + " button[data-override='none']").click();
        admin.until(d -> !d.findElement(By.id("office-" + groupId)).getText().contains("("));
        assertThat(asAdmin().get("/api/v1/groups/" + groupId + "/office").then().extract().jsonPath()
                .getString("override")).isNull();
    }

    @Test
    void aTeamMadeInTheFormIsListed() {
        admin.open("#/admin/teams");
        admin.find("#teams-new").click();
        String name = Api.unique("support");
        input("name").sendKeys(name);
        input("queue").sendKeys(name);
        new Select(input("groupId")).selectByVisibleText(groupName);
        admin.find("#teams-save").click();
        admin.until(d -> d.findElement(By.id("teams-list")).getText().contains(name));
        assertThat(asAdmin().get("/api/v1/teams").then().extract().jsonPath().getList("name")).contains(name);
    }

    @Test
    void aWorkplaceMadeInTheFormIsListedAndABadDeviceIsShownAtItsField() {
        admin.open("#/admin/workplaces");
        admin.find("#workplaces-new").click();
        String name = Api.unique("desk");
        input("name").sendKeys(name);
        input("device").sendKeys("no device");
        admin.find("#workplaces-save").click();
        assertThat(admin.find("#workplaces-form .field-error").getText()).isNotBlank();
        assertThat(input("device").getAttribute("aria-invalid")).isEqualTo("true");
        input("device").clear();
        input("device").sendKeys("PJSIP/" + name);
        admin.find("#workplaces-save").click();
        admin.until(d -> d.findElement(By.id("workplaces-list")).getText().contains(name));
        admin.screenshot("workplaces");
        assertThat(asAdmin().get("/api/v1/workplaces").then().extract().jsonPath().getList("name")).contains(name);
    }

    @Test
    void aNewTokensSecretIsShownOnceAndWorks() {
        admin.open("#/admin/tokens");
        String name = Api.unique("crm");
        input("name").sendKeys(name);
        admin.find("#token-create").click();
        String secret = admin.find("#token-secret code").getText();
        assertThat(secret).startsWith("pgw_");
        assertThat(admin.find("#token-list").getText()).contains(name);
        admin.screenshot("tokens");
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);
        admin.driver.navigate().refresh();
        admin.find("#token-list");
        assertThat(admin.driver.getPageSource()).as("never shown again").doesNotContain(secret);
    }

    @Test
    void aUsersPbxStateShowsDesiredAgainstAppliedAndInSync() {
        Map<String, Object> carl = createUser("USER");
        admin.open("#/admin/pbx/" + id(carl));
        admin.until(d -> "In sync".equals(d.findElement(By.id("pbx-sync")).getText()));
        assertThat(admin.find("#pbx-compare").getText()).contains("PJSIP/" + carl.get("username"));
        admin.screenshot("pbx-state");
    }

    // ---- the menu by role, and the agent-state report

    private static Object fetchStatus(Browser b, String method, String path) {
        return b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/api.js').then(m => m.api(arguments[1], {method: arguments[0], body: arguments[0] === 'GET'"
                + " ? undefined : {name: 'x', assignment: 'ADMIN', presence: 'away'}})).then(() => done(200),"
                + " e => done(e.status));", method, path);
    }

    @Test
    void aReceptionistSeesExactlyHisSectionsAndADirectUrlToAnotherIsRefused() {
        Map<String, Object> receptionist = createUser("RECEPTIONIST", groupId);
        long adminId = asAdmin().get("/api/v1/me").then().extract().jsonPath().getLong("userId");
        Browser b = new Browser(base.toString());
        try {
            b.signIn((String) receptionist.get("username"), Api.PASSWORD);
            b.find("#nav a[data-nav='#/admin']").click();
            b.find("#admin-nav");
            assertThat(b.driver.findElements(By.cssSelector("#admin-nav a")).stream()
                    .map(a -> a.getAttribute("data-section")).toList()).containsExactly("groups");
            assertThat(b.find("#groups-list").isDisplayed()).as("the groups screen with the office override").isTrue();
            b.screenshot("admin-receptionist");

            for (String section : List.of("profiles", "users", "tokens", "reports")) {
                b.open("#/admin/" + section);
                b.until(d -> d.getCurrentUrl().endsWith("#/admin/" + section));
                assertThat(b.find("#not-allowed").getText()).contains("403");
            }
            b.screenshot("admin-receptionist-refused");
            // the server refuses what those sections would do, whatever the page shows
            assertThat(((Number) fetchStatus(b, "POST", "/api/v1/profiles")).intValue()).isEqualTo(403);
            assertThat(((Number) fetchStatus(b, "GET", "/api/v1/users/" + adminId + "/tokens")).intValue())
                    .isEqualTo(403);
            assertThat(((Number) fetchStatus(b, "GET", "/api/v1/reports/agent-states?user=" + adminId)).intValue())
                    .isEqualTo(403);
        } finally {
            b.close();
        }
    }

    private static long seconds(JsonPath report, String state) {
        return report.getLong("totals.seconds." + state);
    }

    @Test
    void aManagerSeesTheAgentStatesOfHisTeamAsABarChartWithACsvDownload() {
        long group = Api.createGroup("Europe/Berlin");
        Map<String, Object> manager = createUser("MANAGER", group);
        Map<String, Object> agent = createUser("USER", group);
        String teamName = Api.createTeam(group);
        long teamId = asAdmin().get("/api/v1/teams").then().extract().jsonPath()
                .getLong("find { it.name == '" + teamName + "' }.id");
        long lunch = Api.createProfile(List.of(Api.action("TEAM_LOGIN", "team", teamName),
                Api.action("TEAM_PAUSE", "team", teamName, "reason", "lunch")), List.of());
        long back = Api.createProfile(List.of(Api.action("TEAM_UNPAUSE", "team", teamName)), List.of());
        String report = "/api/v1/reports/agent-states?team=" + teamId;
        Api.switchTo(id(agent), lunch).statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                seconds(Api.as((String) manager.get("username"), Api.PASSWORD).get(report).then().statusCode(200)
                        .extract().jsonPath(), "PAUSED") >= 2);
        Api.switchTo(id(agent), back).statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                seconds(Api.as((String) manager.get("username"), Api.PASSWORD).get(report).then().statusCode(200)
                        .extract().jsonPath(), "AVAILABLE") >= 1);

        Browser b = new Browser(base.toString());
        try {
            b.signIn((String) manager.get("username"), Api.PASSWORD);
            b.open("#/admin/reports");
            new Select(b.find("#report-team")).selectByValue(Long.toString(teamId));
            b.find("#report-show").click();
            b.until(d -> b.present("#report[data-query*='team=" + teamId + "'] #chart-reasons .bar[data-key='lunch']"));
            long paused = Long.parseLong(b.attribute("#chart-states .bar[data-key='PAUSED']", "data-seconds"));
            long available = Long.parseLong(b.attribute("#chart-states .bar[data-key='AVAILABLE']",
                    "data-seconds"));
            assertThat(paused).isGreaterThanOrEqualTo(2);
            assertThat(available).isGreaterThanOrEqualTo(1);
            assertThat(Long.parseLong(b.attribute("#chart-reasons .bar[data-key='lunch']", "data-seconds")))
                    .isEqualTo(paused);
            assertThat(Integer.parseInt(b.attribute("#chart-states .bar[data-key='PAUSED'] rect", "width"))).isPositive();
            assertThat(b.driver.findElements(By.cssSelector("#report-rows tbody tr"))).hasSize(1);
            assertThat(b.find("#report-rows tbody").getText()).contains((String) agent.get("displayName"), teamName);
            String href = b.attribute("#report-csv", "href");
            assertThat(href).contains("team=" + teamId).contains("format=csv");
            Object csv = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text().then(t => done(r.headers.get('content-type') + '\\n' + t)));",
                    href);
            assertThat((String) csv).startsWith("text/csv").contains(",PAUSED,lunch,", teamName);
            b.screenshot("admin-reports");
        } finally {
            b.close();
        }
    }
}
