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
}
