package io.profilegateway.access.relationship;

import static io.profilegateway.testing.Api.action;
import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.extension;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.access.Role;
import io.profilegateway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * quality.md S2, roles and relationships together: every operation on another user × the viewer's role (product.md
 * §4) × the viewer's effective relationship level (§5) × whether he shares the owner's group. The lowest level of each
 * right is read from product.md's rights table (a copy in {@code spec/relationship-rights.md}, checked against
 * {@code ../shared/spec/product.md} when it is beside the project), not written here; the role rights are §4's
 * prose as three sets. Each viewer gets his level as the owner's personal setting; the groups' defaults are BLOCKED,
 * so nothing else relates them. Expected: allowed where a right of the relationship or of the role says so, 404 where
 * the owner is BLOCKED for him and his role gives nothing, 403 or a left-out field otherwise.
 */
@QuarkusTest
class RelationshipMatrixTest {

    /** §4: roles that manage every user of their groups (and so have every right on them). */
    static final Set<Role> MANAGES_HIS_GROUPS = EnumSet.of(Role.MANAGER, Role.OWNER);
    /** §4: roles that manage every user everywhere (the owner here is a USER, below all of them). */
    static final Set<Role> MANAGES_EVERYONE = EnumSet.of(Role.SYSTEM_ADMIN, Role.SYSTEM_OWNER);
    /** §4: "sees presence of his groups": the receptionist and the roles above him, as TEAM_COLLEAGUE. */
    static final Set<Role> SEES_PRESENCE_OF_HIS_GROUPS = EnumSet.of(Role.RECEPTIONIST, Role.GROUP_ADMIN,
            Role.MANAGER, Role.OWNER);

    /** The rows of product.md's rights table, as {@link Right}s. */
    static final Map<String, Right> TABLE_ROWS = Map.ofEntries(
            Map.entry("see presence icon (no text)", Right.SEE_PRESENCE_ICON),
            Map.entry("see general presence (profile name, until when)", Right.SEE_GENERAL_PRESENCE),
            Map.entry("see that a redirect is set (not where)", Right.SEE_REDIRECT_SET),
            Map.entry("see the phone busy state", Right.SEE_BUSY_STATE),
            Map.entry("see detailed presence (note, meeting subject, teams activity)", Right.SEE_DETAILED_PRESENCE),
            Map.entry("see the redirect target", Right.SEE_REDIRECT_TARGET),
            Map.entry("pick up the owner's calls", Right.PICK_UP_CALLS),
            Map.entry("switch the owner's profile (set presence)", Right.SWITCH_PROFILE),
            Map.entry("set / unset the owner's redirect", Right.SET_REDIRECT),
            Map.entry("see the number of a caller during the owner's call", Right.SEE_CALLER_NUMBER),
            Map.entry("see contact e-mail and photo", Right.SEE_CONTACT));
    /** Seed 002's contact rows, which product.md's digest leaves out and the directory needs. */
    static final Set<Right> SEED_ROWS = EnumSet.of(Right.SEE_GENERAL_CONTACT, Right.SEE_DETAILED_CONTACT);
    /** Rights about calls, which the gateway's API does not serve (it knows profiles, not calls). */
    static final Set<Right> NOT_SERVED = EnumSet.of(Right.SEE_BUSY_STATE, Right.PICK_UP_CALLS,
            Right.SEE_CALLER_NUMBER);

    enum Seen { ALLOWED, DENIED, HIDDEN }

    /** Everything the cases act on, made once. The owner is in the redirect profile (target 2000). */
    static final class World {
        long g;
        long h;
        long owner;
        String ownerExtension;
        long redirectProfile;
        final Map<String, Map<String, Object>> viewers = new HashMap<>();

        static String key(Role role, boolean inOwnersGroup, Level level) {
            return role + "/" + inOwnersGroup + "/" + level;
        }
    }

    private static World world;

    @BeforeEach
    void createWorld() {
        synchronized (RelationshipMatrixTest.class) {
            if (world == null) {
                world = create();
            }
        }
    }

    static World create() {
        World w = new World();
        w.g = blockedGroup();
        w.h = blockedGroup();
        w.ownerExtension = extension();
        Map<String, Object> owner = new HashMap<>(Map.of("extension", w.ownerExtension, "displayName",
                unique("Owner"), "email", unique("owner") + "@example.com", "mobile", "+4915100000009",
                "devices", List.of("PJSIP/" + w.ownerExtension), "primaryGroupId", w.g));
        w.owner = asAdmin().body(owner).post("/api/v1/users").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        w.redirectProfile = Api.createProfile(
                List.of(action("SET_REDIRECT", "kind", "ALWAYS", "target", "ask")),
                List.of(action("UNSET_REDIRECT", "kind", "ALWAYS")));
        Api.switchTo(w.owner, w.redirectProfile, Map.of("redirectTarget", "2000")).statusCode(200);
        for (Role role : Role.values()) {
            for (boolean inG : new boolean[] {true, false}) {
                for (Level level : Level.values()) {
                    Map<String, Object> viewer = Api.createUser(role.name(), inG ? w.g : w.h);
                    asAdmin().body(Map.of("level", level.name()))
                            .put("/api/v1/users/" + w.owner + "/relationships/" + id(viewer)).then().statusCode(200);
                    w.viewers.put(World.key(role, inG, level), viewer);
                }
            }
        }
        return w;
    }

    static long blockedGroup() {
        return asAdmin().body(Map.of("name", unique("group"), "timeZone", "Europe/Berlin", "relationshipDefaults",
                Map.of("sameGroup", "BLOCKED", "otherGroups", "BLOCKED", "outside", "BLOCKED")))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** One operation on the owner and the right it needs. */
    enum Op {
        READ_CONTACT(Right.SEE_CONTACT) {
            Seen run(Call c) {
                return c.field(c.user(), "email");
            }
        },
        READ_GENERAL_CONTACT(Right.SEE_GENERAL_CONTACT) {
            Seen run(Call c) {
                return c.field(c.user(), "extension");
            }
        },
        READ_DETAILED_CONTACT(Right.SEE_DETAILED_CONTACT) {
            Seen run(Call c) {
                return c.field(c.user(), "mobile");
            }
        },
        /** A list leaves a user out rather than answering 404: HIDDEN shows as DENIED. */
        FIND_BY_EXTENSION(Right.SEE_GENERAL_CONTACT) {
            Seen run(Call c) {
                var r = c.viewer().get("/api/v1/users?extension=" + world.ownerExtension).then().statusCode(200)
                        .extract().jsonPath();
                return r.getInt("total") == 1 && r.getLong("items[0].id") == world.owner ? Seen.ALLOWED : Seen.DENIED;
            }
        },
        READ_PRESENCE_ICON(Right.SEE_PRESENCE_ICON) {
            Seen run(Call c) {
                return c.field(c.presence(), "presence");
            }
        },
        READ_GENERAL_PRESENCE(Right.SEE_GENERAL_PRESENCE) {
            Seen run(Call c) {
                return c.field(c.presence(), "profileName");
            }
        },
        READ_REDIRECT_SET(Right.SEE_REDIRECT_SET) {
            Seen run(Call c) {
                return c.field(c.presence(), "redirectSet");
            }
        },
        READ_REDIRECT_TARGET(Right.SEE_REDIRECT_TARGET) {
            Seen run(Call c) {
                Seen seen = c.field(c.presence(), "redirects");
                if (seen == Seen.ALLOWED) {
                    assertThat(c.presence().jsonPath().getString("redirects.ALWAYS")).isEqualTo("2000");
                }
                return seen;
            }
        },
        READ_DETAILED_PRESENCE(Right.SEE_DETAILED_PRESENCE) {
            Seen run(Call c) {
                return c.field(c.presence(), "source");
            }
        },
        READ_HISTORY(Right.SEE_GENERAL_PRESENCE) {
            Seen run(Call c) {
                return Call.status(c.viewer().get("/api/v1/users/" + world.owner + "/history").then().extract());
            }
        },
        READ_HISTORY_DETAILS(Right.SEE_DETAILED_PRESENCE) {
            Seen run(Call c) {
                var r = c.viewer().get("/api/v1/users/" + world.owner + "/history").then().extract();
                if (r.statusCode() != 200) {
                    return Call.status(r);
                }
                return r.jsonPath().getString("items[0].actor") != null ? Seen.ALLOWED : Seen.DENIED;
            }
        },
        READ_PBX_STATE(Right.SEE_DETAILED_PRESENCE) {
            Seen run(Call c) {
                return Call.status(c.viewer().get("/api/v1/users/" + world.owner + "/pbx-state").then().extract());
            }
        },
        READ_TRIGGER_OPT_OUTS(Right.SEE_DETAILED_PRESENCE) {
            Seen run(Call c) {
                return Call.status(c.viewer().get("/api/v1/users/" + world.owner + "/trigger-opt-outs").then()
                        .extract());
            }
        },
        /** Switching to the active profile: allowed = answered ALREADY_ACTIVE, so the world stays as it is. */
        SWITCH_PROFILE(Right.SWITCH_PROFILE) {
            Seen run(Call c) {
                return c.switchToActive();
            }
        },
        /**
         * A redirect is set and unset by switching to a profile that does it (the gateway has no other way): the
         * same request as {@link #SWITCH_PROFILE}, here to a profile whose chains set and unset one.
         */
        SET_REDIRECT(Right.SET_REDIRECT) {
            Seen run(Call c) {
                return c.switchToActive();
            }
        };

        final Right right;

        Op(Right right) {
            this.right = right;
        }

        abstract Seen run(Call c);
    }

    /** One viewer's requests on the owner; each answer read once. */
    static final class Call {
        final Map<String, Object> viewer;
        private ExtractableResponse<Response> user;
        private ExtractableResponse<Response> presence;

        Call(Map<String, Object> viewer) {
            this.viewer = viewer;
        }

        io.restassured.specification.RequestSpecification viewer() {
            return asUser(viewer);
        }

        ExtractableResponse<Response> user() {
            if (user == null) {
                user = viewer().get("/api/v1/users/" + world.owner).then().extract();
            }
            return user;
        }

        ExtractableResponse<Response> presence() {
            if (presence == null) {
                presence = viewer().get("/api/v1/users/" + world.owner + "/profile").then().extract();
            }
            return presence;
        }

        Seen field(ExtractableResponse<Response> r, String field) {
            if (r.statusCode() == 404) {
                return Seen.HIDDEN;
            }
            assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(200);
            Map<String, Object> body = r.jsonPath().getMap("");
            return body.get(field) != null ? Seen.ALLOWED : Seen.DENIED;
        }

        Seen switchToActive() {
            var r = viewer().body(Map.of("profileId", world.redirectProfile, "parameters",
                    Map.of("redirectTarget", "2000"))).put("/api/v1/users/" + world.owner + "/profile").then()
                    .extract();
            if (r.statusCode() == 200) {
                assertThat(r.jsonPath().getString("outcome")).isEqualTo("ALREADY_ACTIVE");
            }
            return status(r);
        }

        static Seen status(ExtractableResponse<Response> r) {
            return switch (r.statusCode()) {
                case 200 -> Seen.ALLOWED;
                case 403 -> Seen.DENIED;
                case 404 -> Seen.HIDDEN;
                default -> throw new AssertionError("unexpected " + r.statusCode() + ": " + r.body().asString());
            };
        }
    }

    // ---- the rights table, read from product.md

    static Map<Right, Level> rightsTable() {
        Map<Right, Level> lowest = new EnumMap<>(Right.class);
        for (String line : tableText().split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 3 || cells[1].isBlank() || cells[1].contains("---")
                    || cells[1].contains("right of the viewer")) {
                continue;
            }
            String row = cells[1].replace("**", "").trim();
            String level = cells[2].trim();
            Right right = TABLE_ROWS.get(row);
            assertThat(right).as("product.md row '%s' has a Right", row).isNotNull();
            lowest.put(right, level.equals("every level but BLOCKED") ? Level.UNKNOWN : Level.valueOf(level));
        }
        return lowest;
    }

    static String tableText() {
        try (InputStream in = RelationshipMatrixTest.class.getResourceAsStream("/spec/relationship-rights.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The lowest level of each right: product.md's table, and for the two seed rows the seed's levels. */
    static Level lowest(Right right) {
        return SEED_ROWS.contains(right) ? right.lowest() : RIGHTS.get(right);
    }

    static final Map<Right, Level> RIGHTS = rightsTable();

    @Test
    void shouldReadTheSameTableAsTheSharedProductSpec() throws IOException {
        Path shared = Path.of("..", "shared", "spec", "product.md");
        Assumptions.assumeTrue(Files.exists(shared), "../shared/spec/product.md is not beside the project");
        assertThat(Files.readString(shared)).as("spec/relationship-rights.md is a verbatim copy of product.md §5")
                .contains(tableText().strip());
    }

    @Test
    void shouldGiveEveryRightOfTheTableItsLevelAndAnOperationToEveryServedRight() {
        assertThat(RIGHTS).hasSize(TABLE_ROWS.size());
        RIGHTS.forEach((right, level) -> assertThat(right.lowest()).as(right.name()).isEqualTo(level));
        Set<Right> covered = EnumSet.noneOf(Right.class);
        for (Op op : Op.values()) {
            covered.add(op.right);
        }
        covered.addAll(NOT_SERVED);
        assertThat(covered).containsExactlyInAnyOrder(Right.values());
        Set<Right> described = EnumSet.copyOf(RIGHTS.keySet());
        described.addAll(SEED_ROWS);
        assertThat(described).containsExactlyInAnyOrder(Right.values());
    }

    // ---- the matrix

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Role role : Role.values()) {
            for (boolean inG : new boolean[] {true, false}) {
                for (Level level : Level.values()) {
                    cases.add(Arguments.of(role + (inG ? " in the owner's group" : " in another group") + " as "
                            + level, role, inG, level));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAllowExactlyWhatTheRoleAndTheRelationshipAllow(String name, Role role, boolean inOwnersGroup,
            Level level) {
        Call call = new Call(world.viewers.get(World.key(role, inOwnersGroup, level)));
        boolean manages = MANAGES_EVERYONE.contains(role) || (inOwnersGroup && MANAGES_HIS_GROUPS.contains(role));
        Level byRole = MANAGES_EVERYONE.contains(role)
                || (inOwnersGroup && SEES_PRESENCE_OF_HIS_GROUPS.contains(role)) ? Level.TEAM_COLLEAGUE : Level.BLOCKED;
        boolean hidden = !manages && byRole == Level.BLOCKED && level == Level.BLOCKED;
        Map<Op, Seen> expected = new LinkedHashMap<>();
        Map<Op, Seen> seen = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            Level needed = lowest(op.right);
            boolean allowed = manages || level.isAtLeast(needed) || byRole.isAtLeast(needed);
            Seen e = hidden ? Seen.HIDDEN : allowed ? Seen.ALLOWED : Seen.DENIED;
            expected.put(op, op == Op.FIND_BY_EXTENSION && e == Seen.HIDDEN ? Seen.DENIED : e);
            seen.put(op, op.run(call));
        }
        assertThat(seen).as(name).isEqualTo(expected);
    }

    @Test
    void shouldListOnlyTheUsersAViewerMaySeeAndOnlyTheFieldsHeMaySee() {
        // a USER of another group, EXTERNAL on the owner: listed with contact fields only
        JsonPath page = asUser(world.viewers.get(World.key(Role.USER, false, Level.EXTERNAL)))
                .get("/api/v1/users?size=200").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> owners = page.<Map<String, Object>>getList("items").stream()
                .filter(u -> ((Number) u.get("id")).longValue() == world.owner).toList();
        if (page.getInt("total") <= 200) {
            assertThat(owners).hasSize(1);
        }
        owners.forEach(u -> assertThat(u.keySet()).containsExactlyInAnyOrder("id", "displayName", "email"));
        // BLOCKED: never listed, on no page
        Map<String, Object> blocked = world.viewers.get(World.key(Role.USER, false, Level.BLOCKED));
        int total = asUser(blocked).get("/api/v1/users?size=1").then().statusCode(200).extract().jsonPath()
                .getInt("total");
        for (int p = 0; p * 200 < total; p++) {
            assertThat(asUser(blocked).get("/api/v1/users?size=200&page=" + p).then().statusCode(200).extract()
                    .jsonPath().<Number>getList("items.id").stream().map(Number::longValue).toList())
                    .doesNotContain(world.owner);
        }
    }
}
