package io.profilegateway.access;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * quality.md S2, roles only (product.md §4): every operation of the table below, done by an actor of each of the seven
 * roles, all members of group G. G and H give viewers no relationship (their defaults are BLOCKED), so only role rights
 * count here; {@link RelationshipMatrixTest} covers roles and relationship levels together. H is a group none of them belongs to. Each row states
 * the expected status per role, in the order USER, RECEPTIONIST, GROUP_ADMIN, MANAGER, OWNER, SYSTEM_ADMIN,
 * SYSTEM_OWNER: 2xx = allowed, 403 = denied, 404 = denied and the target is not even visible to the actor.
 */
@QuarkusTest
class RoleMatrixTest {

    /** What every case acts on: made once for the class, never changed by a case. */
    static final class World {
        long g;
        long h;
        final Map<Role, Map<String, Object>> actors = new EnumMap<>(Role.class);
        /** Tokens of actors of each role who may not have PERSONAL profiles. */
        final Map<Role, String> withoutPersonal = new EnumMap<>(Role.class);
        long userOfG;
        long userOfH;
        long ownerOfG;
        long systemOwnerOfG;
        String extensionOfUserOfG;
        long personalProfileOfUserOfG;
        long profileOfH;

        static World create() {
            World w = new World();
            w.g = blockedGroup("Europe/Berlin");
            w.h = blockedGroup("Europe/Paris");
            for (Role role : Role.values()) {
                Map<String, Object> body = userBody(role, w.g);
                String username = unique("actor-" + role.name().toLowerCase());
                body.put("username", username);
                body.put("password", io.profilegateway.testing.Api.PASSWORD);
                body.put("profilePersonal", true);
                w.actors.put(role, asAdmin().body(body).post("/api/v1/users").then().statusCode(201).extract()
                        .jsonPath().getMap(""));
                long plain = id(freshUser(role, w.g));
                w.withoutPersonal.put(role, asAdmin().body(Map.of("name", unique("matrix")))
                        .post("/api/v1/users/" + plain + "/tokens").then().statusCode(201).extract().jsonPath()
                        .getString("token"));
            }
            Map<String, Object> userOfG = userBody(Role.USER, w.g);
            userOfG.put("profilePersonal", true);
            Map<String, Object> created = asAdmin().body(userOfG).post("/api/v1/users").then().statusCode(201)
                    .extract().jsonPath().getMap("");
            w.userOfG = id(created);
            w.extensionOfUserOfG = (String) created.get("extension");
            w.userOfH = id(freshUser(Role.USER, w.h));
            w.ownerOfG = id(freshUser(Role.OWNER, w.g));
            w.systemOwnerOfG = id(freshUser(Role.SYSTEM_OWNER, w.g));
            w.personalProfileOfUserOfG = asAdmin().body(profileBody("PERSONAL", List.of(), w.userOfG))
                    .post("/api/v1/profiles").then().statusCode(201).extract().jsonPath().getLong("id");
            w.profileOfH = asAdmin().body(profileBody("ADMIN", List.of(w.h), null)).post("/api/v1/profiles").then()
                    .statusCode(201).extract().jsonPath().getLong("id");
            return w;
        }
    }

    private static World world;

    /** A group whose defaults give no viewer any relationship on its members. */
    static long blockedGroup(String timeZone) {
        return asAdmin().body(Map.of("name", unique("group"), "language", "de", "timeZone", timeZone,
                "relationshipDefaults", Map.of("sameGroup", "BLOCKED", "otherGroups", "BLOCKED", "outside", "BLOCKED")))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Once per class (RestAssured knows the port only from the first test on, so not in a {@code @BeforeAll}). */
    @BeforeEach
    void createWorld() {
        synchronized (RoleMatrixTest.class) {
            if (world == null) {
                world = World.create();
            }
        }
    }

    /** The actor of one case. */
    record Ctx(Role role, World w) {

        RequestSpecification actor() {
            return asUser(w.actors.get(role));
        }

        long self() {
            return id(w.actors.get(role));
        }
    }

    /**
     * The matrix. Expected statuses per role: USER, RECEPTIONIST, GROUP_ADMIN, MANAGER, OWNER, SYSTEM_ADMIN,
     * SYSTEM_OWNER.
     */
    enum Op {
        // ---- users: reading (USER: only himself; RECEPTIONIST and up: his groups; system roles: everyone)
        READ_SELF("read himself", "200 200 200 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get(user(c.self())).then().extract();
            }
        },
        READ_USER_OF_G("read a USER of G", "404 200 200 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get(user(c.w().userOfG)).then().extract();
            }
        },
        READ_USER_OF_H("read a USER of H", "404 404 404 404 404 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get(user(c.w().userOfH)).then().extract();
            }
        },
        READ_HISTORY_OF_USER_OF_G("read the switch history of a USER of G", "404 200 200 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get(user(c.w().userOfG) + "/history").then().extract();
            }
        },
        READ_STATE_OF_USER_OF_H("read the PBX state of a USER of H", "404 404 404 404 404 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get(user(c.w().userOfH) + "/pbx-state").then().extract();
            }
        },

        // ---- switching (himself: everyone; others: MANAGER rights in a shared group, or a system role)
        SWITCH_SELF("switch his own profile", "200 200 200 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return switchTo(c.actor(), c.self(), 2);
            }
        },
        SWITCH_USER_OF_G("switch a USER of G", "404 403 403 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return switchTo(c.actor(), c.w().userOfG, 2);
            }
        },
        SWITCH_USER_OF_H("switch a USER of H", "404 404 404 404 404 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return switchTo(c.actor(), c.w().userOfH, 2);
            }
        },
        SWITCH_OWNER_OF_G("switch an OWNER of G (above MANAGER)", "404 403 403 403 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return switchTo(c.actor(), c.w().ownerOfG, 2);
            }
        },
        SWITCH_SYSTEM_OWNER_OF_G("switch a SYSTEM_OWNER of G", "404 403 403 403 403 403 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return switchTo(c.actor(), c.w().systemOwnerOfG, 2);
            }
        },

        // ---- creating users and appointing roles (MANAGER and OWNER: up to MANAGER, only in their own groups)
        CREATE_USER_IN_G("create a USER in G", "403 403 403 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.USER, c.w().g));
            }
        },
        CREATE_USER_IN_H("create a USER in H", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.USER, c.w().h));
            }
        },
        CREATE_USER_IN_G_AND_H("create a USER in G and H", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.USER, c.w().g, c.w().h));
            }
        },
        CREATE_USER_WITHOUT_GROUP("create a USER in no group", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.USER));
            }
        },
        APPOINT_RECEPTIONIST_IN_G("appoint a RECEPTIONIST in G", "403 403 403 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.RECEPTIONIST, c.w().g));
            }
        },
        APPOINT_GROUP_ADMIN_IN_G("appoint a GROUP_ADMIN in G", "403 403 403 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.GROUP_ADMIN, c.w().g));
            }
        },
        APPOINT_MANAGER_IN_G("appoint a MANAGER in G", "403 403 403 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.MANAGER, c.w().g));
            }
        },
        APPOINT_MANAGER_IN_H("appoint a MANAGER in H", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.MANAGER, c.w().h));
            }
        },
        APPOINT_OWNER_IN_G("appoint an OWNER in G", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.OWNER, c.w().g));
            }
        },
        APPOINT_SYSTEM_ADMIN("appoint a SYSTEM_ADMIN", "403 403 403 403 403 403 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.SYSTEM_ADMIN, c.w().g));
            }
        },
        APPOINT_SYSTEM_OWNER("appoint a SYSTEM_OWNER", "403 403 403 403 403 403 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return create(c, userBody(Role.SYSTEM_OWNER, c.w().g));
            }
        },

        // ---- managing existing users (never one whose role is above the actor's)
        EDIT_USER_OF_G("edit a USER of G", "404 403 403 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.USER, c.w().g), Map.of());
            }
        },
        EDIT_USER_OF_H("edit a USER of H", "404 404 404 404 404 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.USER, c.w().h), Map.of());
            }
        },
        EDIT_MANAGER_OF_G("edit a MANAGER of G", "404 403 403 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.MANAGER, c.w().g), Map.of());
            }
        },
        EDIT_OWNER_OF_G("edit an OWNER of G (above MANAGER)", "404 403 403 403 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.OWNER, c.w().g), Map.of());
            }
        },
        EDIT_SYSTEM_ADMIN_OF_G("edit a SYSTEM_ADMIN of G", "404 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.SYSTEM_ADMIN, c.w().g), Map.of());
            }
        },
        EDIT_SYSTEM_OWNER_OF_G("edit a SYSTEM_OWNER of G", "404 403 403 403 403 403 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.SYSTEM_OWNER, c.w().g), Map.of());
            }
        },
        PROMOTE_TO_MANAGER("promote a USER of G to MANAGER", "404 403 403 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.USER, c.w().g), Map.of("role", "MANAGER"));
            }
        },
        PROMOTE_TO_OWNER("promote a USER of G to OWNER", "404 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.USER, c.w().g), Map.of("role", "OWNER"));
            }
        },
        PROMOTE_TO_SYSTEM_ADMIN("promote a USER of G to SYSTEM_ADMIN", "404 403 403 403 403 403 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.USER, c.w().g), Map.of("role", "SYSTEM_ADMIN"));
            }
        },
        MOVE_USER_TO_H("move a USER of G to H", "404 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return edit(c, freshUser(Role.USER, c.w().g), Map.of("primaryGroupId", c.w().h));
            }
        },
        DELETE_USER_OF_G("delete a USER of G", "404 403 403 204 204 204 204") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().delete(user(id(freshUser(Role.USER, c.w().g)))).then().extract();
            }
        },
        DELETE_OWNER_OF_G("delete an OWNER of G (above MANAGER)", "404 403 403 403 204 204 204") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().delete(user(id(freshUser(Role.OWNER, c.w().g)))).then().extract();
            }
        },
        TOKEN_FOR_SELF("make an API token for himself", "201 201 201 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return token(c, c.self());
            }
        },
        TOKEN_FOR_USER_OF_G("make an API token for a USER of G", "404 403 403 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return token(c, c.w().userOfG);
            }
        },
        TOKEN_FOR_SYSTEM_OWNER_OF_G("make an API token for a SYSTEM_OWNER of G", "404 403 403 403 403 403 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return token(c, c.w().systemOwnerOfG);
            }
        },

        // ---- groups (created and deleted by system roles; edited by the group's GROUP_ADMIN and OWNER)
        READ_GROUP_G("read group G", "200 200 200 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get("/api/v1/groups/" + c.w().g).then().extract();
            }
        },
        CREATE_GROUP("create a group", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(Map.of("name", unique("group"), "timeZone", "UTC")).post("/api/v1/groups")
                        .then().extract();
            }
        },
        EDIT_GROUP_G("edit group G", "403 403 200 403 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return editGroup(c, c.w().g);
            }
        },
        EDIT_GROUP_H("edit group H", "403 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return editGroup(c, c.w().h);
            }
        },
        DELETE_EMPTY_GROUP("delete an empty group", "403 403 403 403 403 204 204") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().delete("/api/v1/groups/" + createGroup("UTC")).then().extract();
            }
        },

        // ---- teams and workplaces (of a group: its GROUP_ADMIN and OWNER; of no group: system roles)
        CREATE_TEAM_IN_G("create a team in G", "403 403 201 403 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(teamBody(c.w().g)).post("/api/v1/teams").then().extract();
            }
        },
        CREATE_TEAM_IN_H("create a team in H", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(teamBody(c.w().h)).post("/api/v1/teams").then().extract();
            }
        },
        CREATE_TEAM_WITHOUT_GROUP("create a team of no group", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(teamBody(null)).post("/api/v1/teams").then().extract();
            }
        },
        EDIT_TEAM_OF_G("edit a team of G", "403 403 200 403 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                Map<String, Object> body = teamBody(c.w().g);
                long team = asAdmin().body(body).post("/api/v1/teams").then().statusCode(201).extract().jsonPath()
                        .getLong("id");
                return c.actor().body(body).put("/api/v1/teams/" + team).then().extract();
            }
        },
        MOVE_TEAM_TO_H("move a team of G to H", "403 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                Map<String, Object> body = teamBody(c.w().g);
                long team = asAdmin().body(body).post("/api/v1/teams").then().statusCode(201).extract().jsonPath()
                        .getLong("id");
                body.put("groupId", c.w().h);
                return c.actor().body(body).put("/api/v1/teams/" + team).then().extract();
            }
        },
        DELETE_TEAM_OF_G("delete a team of G", "403 403 204 403 204 204 204") {
            ExtractableResponse<Response> run(Ctx c) {
                long team = asAdmin().body(teamBody(c.w().g)).post("/api/v1/teams").then().statusCode(201).extract()
                        .jsonPath().getLong("id");
                return c.actor().delete("/api/v1/teams/" + team).then().extract();
            }
        },
        // ---- the directory import (system admins only)
        START_DIRECTORY_IMPORT("start a directory import", "403 403 403 403 403 202 202") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(Map.of()).post("/api/v1/directory-imports").then().extract();
            }
        },
        // ---- the agent-state report (product.md §4: MANAGER "sees reports"; of a team of his groups)
        REPORT_TEAM_OF_G("agent-state report of a team of G", "403 403 403 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                long team = asAdmin().body(teamBody(c.w().g)).post("/api/v1/teams").then().statusCode(201).extract()
                        .jsonPath().getLong("id");
                return c.actor().get("/api/v1/reports/agent-states?team=" + team).then().extract();
            }
        },
        REPORT_TEAM_OF_H("agent-state report of a team of H", "403 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                long team = asAdmin().body(teamBody(c.w().h)).post("/api/v1/teams").then().statusCode(201).extract()
                        .jsonPath().getLong("id");
                return c.actor().get("/api/v1/reports/agent-states?team=" + team).then().extract();
            }
        },
        REPORT_OWN("agent-state report of himself", "200 200 200 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get("/api/v1/reports/agent-states?user=" + c.self()).then().extract();
            }
        },
        CREATE_WORKPLACE_IN_G("create a workplace in G", "403 403 201 403 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(workplaceBody(c.w().g)).post("/api/v1/workplaces").then().extract();
            }
        },
        CREATE_WORKPLACE_WITHOUT_GROUP("create a workplace of no group", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(workplaceBody(null)).post("/api/v1/workplaces").then().extract();
            }
        },
        DELETE_WORKPLACE_OF_G("delete a workplace of G", "403 403 204 403 204 204 204") {
            ExtractableResponse<Response> run(Ctx c) {
                long desk = asAdmin().body(workplaceBody(c.w().g)).post("/api/v1/workplaces").then().statusCode(201)
                        .extract().jsonPath().getLong("id");
                return c.actor().delete("/api/v1/workplaces/" + desk).then().extract();
            }
        },

        // ---- profiles (ADMIN: the GROUP_ADMIN/OWNER of all its groups, global ones system roles; SYSTEM: system
        // roles; PERSONAL: the owner if he has profilePersonal, or whoever manages him)
        CREATE_ADMIN_PROFILE_FOR_G("create an ADMIN profile restricted to G", "403 403 201 403 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(profileBody("ADMIN", List.of(c.w().g), null)).post("/api/v1/profiles").then()
                        .extract();
            }
        },
        CREATE_ADMIN_PROFILE_FOR_G_AND_H("create an ADMIN profile restricted to G and H",
                "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(profileBody("ADMIN", List.of(c.w().g, c.w().h), null)).post("/api/v1/profiles")
                        .then().extract();
            }
        },
        CREATE_GLOBAL_ADMIN_PROFILE("create a global ADMIN profile", "403 403 403 403 403 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(profileBody("ADMIN", List.of(), null)).post("/api/v1/profiles").then().extract();
            }
        },
        EDIT_ADMIN_PROFILE_OF_G("edit an ADMIN profile of G", "403 403 200 403 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                Map<String, Object> body = profileBody("ADMIN", List.of(c.w().g), null);
                long profile = asAdmin().body(body).post("/api/v1/profiles").then().statusCode(201).extract()
                        .jsonPath().getLong("id");
                return c.actor().body(body).put("/api/v1/profiles/" + profile).then().extract();
            }
        },
        EDIT_GLOBAL_ADMIN_PROFILE("edit a global ADMIN profile", "403 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                Map<String, Object> body = profileBody("ADMIN", List.of(), null);
                long profile = asAdmin().body(body).post("/api/v1/profiles").then().statusCode(201).extract()
                        .jsonPath().getLong("id");
                return c.actor().body(body).put("/api/v1/profiles/" + profile).then().extract();
            }
        },
        DELETE_ADMIN_PROFILE_OF_G("delete an ADMIN profile of G", "403 403 204 403 204 204 204") {
            ExtractableResponse<Response> run(Ctx c) {
                long profile = asAdmin().body(profileBody("ADMIN", List.of(c.w().g), null)).post("/api/v1/profiles")
                        .then().statusCode(201).extract().jsonPath().getLong("id");
                return c.actor().delete("/api/v1/profiles/" + profile).then().extract();
            }
        },
        READ_ADMIN_PROFILE_OF_H("read an ADMIN profile restricted to H", "404 404 404 404 404 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get("/api/v1/profiles/" + c.w().profileOfH).then().extract();
            }
        },
        EDIT_SYSTEM_PROFILE("edit the SYSTEM profile DND", "403 403 403 403 403 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                Map<String, Object> dnd = asAdmin().get("/api/v1/profiles/2").then().statusCode(200).extract()
                        .jsonPath().getMap("");
                dnd.remove("id");
                return c.actor().body(dnd).put("/api/v1/profiles/2").then().extract();
            }
        },
        CREATE_PERSONAL_PROFILE("create a PERSONAL profile for himself (profilePersonal)",
                "201 201 201 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(profileBody("PERSONAL", List.of(), null)).post("/api/v1/profiles").then()
                        .extract();
            }
        },
        CREATE_PERSONAL_PROFILE_WITHOUT_RIGHT("create a PERSONAL profile for himself without profilePersonal",
                "403 403 403 403 403 403 403") {
            ExtractableResponse<Response> run(Ctx c) {
                return given().header("Authorization", "Bearer " + c.w().withoutPersonal.get(c.role()))
                        .contentType(ContentType.JSON).body(profileBody("PERSONAL", List.of(), null))
                        .post("/api/v1/profiles").then().extract();
            }
        },
        CREATE_PERSONAL_PROFILE_FOR_USER_OF_G("create a PERSONAL profile for a USER of G",
                "403 403 403 201 201 201 201") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().body(profileBody("PERSONAL", List.of(), c.w().userOfG)).post("/api/v1/profiles")
                        .then().extract();
            }
        },
        READ_PERSONAL_PROFILE_OF_USER_OF_G("read the PERSONAL profile of a USER of G", "404 404 404 200 200 200 200") {
            ExtractableResponse<Response> run(Ctx c) {
                return c.actor().get("/api/v1/profiles/" + c.w().personalProfileOfUserOfG).then().extract();
            }
        };

        final String label;
        final int[] expected;

        Op(String label, String expected) {
            this.label = label;
            this.expected = Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
            if (this.expected.length != Role.values().length) {
                throw new IllegalArgumentException(label + ": one status per role");
            }
        }

        abstract ExtractableResponse<Response> run(Ctx c);

        int expectedFor(Role role) {
            return expected[role.ordinal()];
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Role role : Role.values()) {
                int status = op.expectedFor(role);
                rows.add(Arguments.of(op.label + " | " + role + " → " + (status < 300 ? "allowed " : "denied ")
                        + status, op, role));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void shouldAllowExactlyWhatTheRoleAllows(String name, Op op, Role role) {
        ExtractableResponse<Response> r = op.run(new Ctx(role, world));

        int expected = op.expectedFor(role);
        assertThat(r.statusCode()).as("%s as %s; body %s", op.label, role, r.asString()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("errorId")).isEqualTo("forbidden");
        } else if (expected == 404) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("errorId")).endsWith("-not-found");
        }
    }

    /** The directory list shows exactly the users the role may read one by one. */
    @ParameterizedTest(name = "find a USER of G by extension as {0}")
    @EnumSource(Role.class)
    void shouldListExactlyTheUsersTheActorMayRead(Role role) {
        Ctx c = new Ctx(role, world);
        boolean readable = c.actor().get(user(world.userOfG)).then().extract().statusCode() == 200;

        int found = c.actor().get("/api/v1/users?extension=" + world.extensionOfUserOfG).then().statusCode(200)
                .extract().jsonPath().getInt("total");

        assertThat(found).isEqualTo(readable ? 1 : 0);
        assertThat(readable).isEqualTo(Op.READ_USER_OF_G.expectedFor(role) == 200);
    }

    // ---- helpers

    static String user(long id) {
        return "/api/v1/users/" + id;
    }

    static ExtractableResponse<Response> switchTo(RequestSpecification actor, long userId, long profileId) {
        return actor.body(Map.of("profileId", profileId)).put(user(userId) + "/profile").then().extract();
    }

    static ExtractableResponse<Response> create(Ctx c, Map<String, Object> body) {
        return c.actor().body(body).post("/api/v1/users").then().extract();
    }

    static ExtractableResponse<Response> token(Ctx c, long userId) {
        return c.actor().body(Map.of("name", unique("matrix"))).post(user(userId) + "/tokens").then().extract();
    }

    /** Replaces the user's entry (as the API answered it) with itself, changed by {@code changes}. */
    static ExtractableResponse<Response> edit(Ctx c, Map<String, Object> entry, Map<String, Object> changes) {
        long userId = id(entry);
        Map<String, Object> body = new HashMap<>(entry);
        body.remove("id");
        body.remove("hasPassword");
        body.putAll(changes);
        return c.actor().body(body).put(user(userId)).then().extract();
    }

    static ExtractableResponse<Response> editGroup(Ctx c, long groupId) {
        Map<String, Object> body = new HashMap<>(asAdmin().get("/api/v1/groups/" + groupId).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        body.remove("id");
        return c.actor().body(body).put("/api/v1/groups/" + groupId).then().extract();
    }

    /** A PBX user without a login (cheap: no password to hash) in the given groups, primary first. */
    static Map<String, Object> userBody(Role role, Long... groups) {
        Map<String, Object> body = new HashMap<>();
        String name = unique("u");
        body.put("extension", extension());
        body.put("displayName", "Matrix " + name);
        body.put("role", role.name());
        body.put("devices", List.of("PJSIP/" + name));
        if (groups.length > 0) {
            body.put("primaryGroupId", groups[0]);
            body.put("groupIds", List.of(groups).subList(1, groups.length));
        }
        return body;
    }

    static Map<String, Object> freshUser(Role role, Long... groups) {
        return asAdmin().body(userBody(role, groups)).post("/api/v1/users").then().statusCode(201).extract()
                .jsonPath().getMap("");
    }

    static Map<String, Object> teamBody(Long groupId) {
        String name = unique("team");
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "queue", name));
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        return body;
    }

    static Map<String, Object> workplaceBody(Long groupId) {
        String name = unique("desk");
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "device", "PJSIP/" + name));
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        return body;
    }

    static Map<String, Object> profileBody(String assignment, List<Long> groupIds, Long ownerId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", unique("profile"), "assignment", assignment,
                "presence", "away", "groupIds", groupIds,
                "enterActions", List.of(Map.of("type", "SET_REDIRECT", "kind", "BUSY", "target", "2000")),
                "leaveActions", List.of(Map.of("type", "UNSET_REDIRECT", "kind", "BUSY"))));
        if (ownerId != null) {
            body.put("ownerId", ownerId);
        }
        return body;
    }
}
