package io.profilegateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilegateway.access.Role;
import io.profilegateway.directory.group.Group;
import io.profilegateway.directory.group.OfficeHours;
import io.profilegateway.directory.team.Team;
import io.profilegateway.directory.user.User;
import io.profilegateway.profile.ActionRow;
import io.profilegateway.profile.ActionType;
import io.profilegateway.profile.Assignment;
import io.profilegateway.profile.PresenceType;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.Trigger;
import io.profilegateway.profile.TriggerType;
import io.profilegateway.common.Weekday;
import io.profilegateway.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Flyway schema and the entity mappings, round trip by round trip (runs on H2 and on PostgreSQL). */
@QuarkusTest
class DirectoryRepositoryTest {

    @Test
    void shouldStoreAndReadAUserWithGroupsAndOrderedDevices() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Group primary = group();
            Group other = group();
            User user = new User();
            user.displayName = "Zoë Müller 東京";
            user.extension = Api.extension();
            user.role = Role.MANAGER;
            user.primaryGroup = primary;
            user.otherGroups = Set.of(other);
            user.devices = new java.util.ArrayList<>(List.of("PJSIP/b", "PJSIP/a", "PJSIP/c"));
            user.persist();
            return user.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findById(id);
            assertThat(user.displayName).isEqualTo("Zoë Müller 東京");
            assertThat(user.devices).containsExactly("PJSIP/b", "PJSIP/a", "PJSIP/c");
            assertThat(user.groupIds()).hasSize(2).first().isEqualTo(user.primaryGroup.id);
            assertThat(User.findByExtension(user.extension)).isPresent();
        });
    }

    @Test
    void shouldStoreOfficeHoursAndTriggersAsDocuments() {
        long groupId = QuarkusTransaction.requiringNew().call(() -> {
            Group g = group();
            g.officeHours = new OfficeHours(
                    List.of(new OfficeHours.WeeklyInterval(Weekday.MON, LocalTime.of(8, 0), LocalTime.of(12, 0),
                            OfficeHours.State.OPEN)),
                    List.of(new OfficeHours.DatedException(LocalDate.of(2026, 12, 24), "Christmas Eve", List.of())));
            return g.id;
        });
        long profileId = QuarkusTransaction.requiringNew().call(() -> {
            Profile p = profile();
            p.triggers = List.of(new Trigger(TriggerType.TIME, LocalTime.of(12, 0), LocalTime.of(12, 45),
                    List.of(Weekday.MON, Weekday.FRI), null, "Europe/Berlin", null, null, null));
            p.persist();
            return p.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            Group g = Group.findById(groupId);
            assertThat(g.officeHours.weekly()).singleElement()
                    .extracting(OfficeHours.WeeklyInterval::to).isEqualTo(LocalTime.NOON);
            assertThat(g.officeHours.exceptions().get(0).name()).isEqualTo("Christmas Eve");
            Profile p = Profile.findById(profileId);
            assertThat(p.triggers).singleElement().satisfies(t -> {
                assertThat(t.days()).containsExactly(Weekday.MON, Weekday.FRI);
                assertThat(t.until()).isEqualTo(LocalTime.of(12, 45));
            });
        });
    }

    @Test
    void shouldKeepChainsInOrderWithTheirTeams() {
        long profileId = QuarkusTransaction.requiringNew().call(() -> {
            Team team = new Team();
            team.name = Api.unique("team");
            team.queue = team.name;
            team.persist();
            Profile p = profile();
            for (int i = 0; i < 30; i++) {
                ActionRow row = new ActionRow();
                row.type = i % 2 == 0 ? ActionType.TEAM_LOGIN : ActionType.TEAM_LOGOUT;
                row.team = team;
                row.penalty = i % 2 == 0 ? i : null;
                p.enterActions.add(row);
            }
            p.persist();
            return p.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            Profile p = Profile.findById(profileId);
            assertThat(p.enterActions).hasSize(30);
            for (int i = 0; i < 30; i++) {
                assertThat(p.enterActions.get(i).type)
                        .isEqualTo(i % 2 == 0 ? ActionType.TEAM_LOGIN : ActionType.TEAM_LOGOUT);
            }
            assertThat(p.enterActions.get(28).penalty).isEqualTo(28);
        });
    }

    @Test
    void shouldRefuseTwoUsersWithOneExtensionInTheDatabaseItself() {
        String extension = Api.extension();
        QuarkusTransaction.requiringNew().run(() -> user(extension).persist());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            user(extension).persist();
            User.flush();
        })).satisfies(e -> {
            var trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString().toLowerCase()).contains("uk_user_extension");
        });
    }

    @Test
    void shouldHoldTheSystemProfilesFromTheMigration() {
        QuarkusTransaction.requiringNew().run(() -> {
            Profile available = Profile.findById(Profile.AVAILABLE_ID);
            Profile dnd = Profile.findById(Profile.DND_ID);
            assertThat(available.assignment).isEqualTo(Assignment.SYSTEM);
            assertThat(available.enterActions).singleElement().satisfies(r -> {
                assertThat(r.builtIn).isTrue();
                assertThat(r.enabled).isTrue();
            });
            assertThat(dnd.enterActions.get(0).enabled).isFalse();
            assertThat(dnd.presence).isEqualTo(PresenceType.DND);
        });
    }

    private static Group group() {
        Group g = new Group();
        g.name = Api.unique("group");
        g.language = "de";
        g.timeZone = "Europe/Berlin";
        g.officeHours = OfficeHours.NONE;
        g.persist();
        return g;
    }

    private static Profile profile() {
        Profile p = new Profile();
        p.name = Api.unique("profile");
        p.color = "#000000";
        p.icon = "circle";
        p.assignment = Assignment.ADMIN;
        p.presence = PresenceType.AWAY;
        p.scopeKey = Profile.SHARED_SCOPE;
        return p;
    }

    private static User user(String extension) {
        User u = new User();
        u.displayName = "x";
        u.extension = extension;
        return u;
    }
}
