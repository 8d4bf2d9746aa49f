package io.profilegateway.trigger.time;

import static io.profilegateway.testing.Api.asAdmin;
import static io.profilegateway.testing.Api.asUser;
import static io.profilegateway.testing.Api.createGroup;
import static io.profilegateway.testing.Api.createProfile;
import static io.profilegateway.testing.Api.createUser;
import static io.profilegateway.testing.Api.id;
import static io.profilegateway.testing.Api.switchTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import io.profilegateway.trigger.time.TimeTriggerService.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * TIME triggers against the real Quartz JDBC store and database; firings are driven with chosen instants (no test
 * waits for the clock). Each test's profile is limited to its own groups, so it switches only its own users.
 */
@QuarkusTest
class TimeTriggerTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Monday; the rules below fire every day. */
    static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, BERLIN);
    static final List<String> EVERY_DAY = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    @Inject
    TimeJobs jobs;

    @Inject
    TimeTriggerService service;

    @Inject
    Scheduler quartz;

    long berlin;
    long newYork;

    @BeforeEach
    void groups() {
        berlin = createGroup("Europe/Berlin");
        newYork = createGroup("America/New_York");
    }

    @Test
    void shouldScheduleOneJobPerZoneAtTheNextLocalStart() throws Exception {
        long lunch = lunchProfile("12:00", "12:45");

        List<TimeJobs.Scheduled> scheduled = scheduled(lunch);

        assertThat(scheduled).extracting(s -> s.job().zone()).contains(BERLIN, NEW_YORK);
        TimeJob inBerlin = job(lunch, BERLIN).job();
        Instant expected = job(lunch, BERLIN).rule().nextStart(Instant.now(), BERLIN).orElseThrow().toInstant();
        Date next = quartz.getTrigger(inBerlin.triggerKey(TimeJob.Edge.ENTER)).getNextFireTime();
        assertThat(next.toInstant()).isEqualTo(expected);
        assertThat(next.toInstant().atZone(BERLIN).toLocalTime()).hasToString("12:00");
        assertThat(quartz.getTrigger(inBerlin.triggerKey(TimeJob.Edge.RETURN)).getNextFireTime().toInstant()
                .atZone(BERLIN).toLocalTime()).hasToString("12:45");
    }

    @Test
    void shouldRescheduleExactlyTheProfilesJobsWhenItChangesAndDropThemWhenDeleted() throws Exception {
        long lunch = lunchProfile("12:00", "12:45");
        long other = lunchProfile("08:00", null);
        Map<String, Object> body = asAdmin().get("/api/v1/profiles/" + lunch).then().statusCode(200).extract()
                .jsonPath().getMap("");
        body.put("triggers", List.of(Map.of("type", "TIME", "at", "13:00", "days", List.of("MON"),
                "timeZone", "America/New_York")));

        asAdmin().body(body).put("/api/v1/profiles/" + lunch).then().statusCode(200);

        assertThat(quartz.getJobKeys(GroupMatcher.jobGroupEquals(TimeJob.group(lunch))))
                .extracting(k -> k.getName()).containsExactly("time-0-America/New_York");
        asAdmin().delete("/api/v1/profiles/" + lunch).then().statusCode(204);
        assertThat(quartz.getJobKeys(GroupMatcher.jobGroupEquals(TimeJob.group(lunch)))).isEmpty();
        assertThat(quartz.getJobKeys(GroupMatcher.jobGroupEquals(TimeJob.group(other)))).isNotEmpty();
    }

    @Test
    void shouldKeepUnchangedJobsOnStartAndWriteOnlyChangedMissingOrUnwantedOnes() throws Exception {
        long lunch = lunchProfile("12:00", "12:45");
        jobs.scheduleAll();
        TimeJob inBerlin = job(lunch, BERLIN).job();
        TimeJob inNewYork = job(lunch, NEW_YORK).job();
        Date berlinNext = quartz.getTrigger(inBerlin.triggerKey(TimeJob.Edge.ENTER)).getNextFireTime();

        TimeJobs.Tally again = jobs.scheduleAll();

        assertThat(again.written()).isZero();
        assertThat(again.kept()).isGreaterThanOrEqualTo(2);
        assertThat(quartz.getTrigger(inBerlin.triggerKey(TimeJob.Edge.ENTER)).getNextFireTime()).isEqualTo(berlinNext);

        TimeJob unwanted = new TimeJob(lunch, 7, ZoneId.of("Asia/Tokyo"));
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                quartz.unscheduleJob(inBerlin.triggerKey(TimeJob.Edge.RETURN));
                quartz.addJob(JobBuilder.newJob(TimeTriggerJob.class).withIdentity(inNewYork.jobKey())
                        .usingJobData(inNewYork.data()).usingJobData(TimeJobs.RULE, "an older rule").storeDurably()
                        .build(), true);
                quartz.addJob(JobBuilder.newJob(TimeTriggerJob.class).withIdentity(unwanted.jobKey())
                        .usingJobData(unwanted.data()).storeDurably().build(), true);
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });

        TimeJobs.Tally repaired = jobs.scheduleAll();

        assertThat(repaired.written()).isEqualTo(2);
        assertThat(quartz.checkExists(unwanted.jobKey())).isFalse();
        assertThat(quartz.getTrigger(inBerlin.triggerKey(TimeJob.Edge.RETURN)).getNextFireTime().toInstant()
                .atZone(BERLIN).toLocalTime()).hasToString("12:45");
        assertThat(quartz.getJobDetail(inNewYork.jobKey()).getJobDataMap().getString(TimeJobs.RULE))
                .isEqualTo(job(lunch, NEW_YORK).rule().toString());
        assertThat(quartz.getTrigger(inNewYork.triggerKey(TimeJob.Edge.ENTER)).getNextFireTime().toInstant()
                .atZone(NEW_YORK).toLocalTime()).hasToString("12:00");
        assertThat(jobs.scheduleAll().written()).isZero();
    }

    @Test
    void shouldScheduleZoneLessTriggersInTheZoneOfANewGroup() throws Exception {
        long lunch = lunchProfile("12:00", null);

        createGroup("Pacific/Chatham");

        TimeJob inChatham = new TimeJob(lunch, 0, ZoneId.of("Pacific/Chatham"));
        assertThat(quartz.checkExists(inChatham.jobKey())).isTrue();
        assertThat(quartz.getTrigger(inChatham.triggerKey(TimeJob.Edge.ENTER)).getNextFireTime().toInstant()
                .atZone(ZoneId.of("Pacific/Chatham")).toLocalTime()).hasToString("12:00");
    }

    @Test
    void shouldSwitchTheZonesUsersWhoMayUseItButNotTheOptedOutTheStickyOrOtherZones() {
        long lunch = lunchProfile("12:00", "12:45");
        long sticky = createProfile(Map.of("sticky", true), List.of(), List.of());
        Map<String, Object> plain = createUser("USER", berlin);
        long optedOut = id(createUser("USER", berlin));
        long stuck = id(createUser("USER", berlin));
        long elsewhere = id(createUser("USER", newYork));
        asUser(plain).put("/api/v1/users/" + id(plain) + "/trigger-opt-outs/" + lunch).then().statusCode(200);
        asUser(plain).delete("/api/v1/users/" + id(plain) + "/trigger-opt-outs/" + lunch).then().statusCode(200);
        asAdmin().put("/api/v1/users/" + optedOut + "/trigger-opt-outs/" + lunch).then().statusCode(200)
                .body("profileIds", contains((int) lunch));
        switchTo(stuck, sticky).statusCode(200);

        Outcome outcome = service.fire(job(lunch, BERLIN), TimeJob.Edge.ENTER, NOON, NOON.plusMinutes(1).toInstant());

        assertThat(outcome).isEqualTo(Outcome.FIRED);
        assertActive(id(plain), lunch, "TIME");
        assertActive(optedOut, 1, "SYSTEM");
        assertActive(stuck, sticky, "MANUAL");
        assertThat(lastHistory(stuck)).containsEntry("outcome", "SKIPPED_STICKY");
        assertActive(elsewhere, 1, "SYSTEM");
    }

    @Test
    void shouldFireEachOccurrenceOnce() {
        long lunch = lunchProfile("12:00", "12:45");
        long user = id(createUser("USER", berlin));
        TimeJobs.Scheduled s = job(lunch, BERLIN);

        assertThat(service.fire(s, TimeJob.Edge.ENTER, NOON, NOON.plusSeconds(1).toInstant())).isEqualTo(Outcome.FIRED);
        switchTo(user, 1).statusCode(200);
        assertThat(service.fire(s, TimeJob.Edge.ENTER, NOON, NOON.plusSeconds(2).toInstant()))
                .isEqualTo(Outcome.FIRED_BEFORE);

        assertActive(user, 1, "MANUAL");
    }

    @Test
    void shouldReturnAtUntilOnlyThoseStillInTheProfile() {
        long dnd = 2;
        long lunch = lunchProfile("12:00", "12:45");
        long staying = id(createUser("USER", berlin));
        long changedHisMind = id(createUser("USER", berlin));
        switchTo(staying, dnd).statusCode(200);
        TimeJobs.Scheduled s = job(lunch, BERLIN);
        service.fire(s, TimeJob.Edge.ENTER, NOON, NOON.plusMinutes(1).toInstant());
        switchTo(changedHisMind, dnd).statusCode(200);

        Outcome outcome = service.fire(s, TimeJob.Edge.RETURN, NOON, NOON.plusMinutes(46).toInstant());

        assertThat(outcome).isEqualTo(Outcome.FIRED);
        assertActive(staying, dnd, "TIME"); // back to what he had before lunch
        assertActive(changedHisMind, dnd, "MANUAL");
    }

    @Test
    void shouldNotFireAStartOutsideItsWindow() {
        long lunch = lunchProfile("12:00", "12:45");
        long user = id(createUser("USER", berlin));

        Outcome outcome = service.fire(job(lunch, BERLIN), TimeJob.Edge.ENTER, NOON,
                NOON.plusMinutes(45).toInstant());

        assertThat(outcome).isEqualTo(Outcome.OUTSIDE_WINDOW);
        assertActive(user, 1, "SYSTEM");
    }

    @Test
    void shouldCatchUpAStartMissedWhileDownIfStillBeforeUntilAndTheEndAfterIt() {
        long lunch = lunchProfile("12:00", "12:45");
        long user = id(createUser("USER", berlin));

        service.catchUp(scheduled(lunch), NOON.plusMinutes(30).toInstant());
        assertActive(user, lunch, "TIME");

        service.catchUp(scheduled(lunch), NOON.plusMinutes(50).toInstant());
        assertActive(user, 1, "TIME");
    }

    @Test
    void shouldNotCatchUpAStartWithoutUntilAfterTheLateFiringLimit() {
        long early = lunchProfile("12:00", null);
        long late = lunchProfile("12:00", null);
        long user = id(createUser("USER", berlin));

        service.catchUp(scheduled(late), NOON.plusMinutes(6).toInstant()); // the limit is 5 minutes
        assertActive(user, 1, "SYSTEM");

        service.catchUp(scheduled(early), NOON.plusMinutes(4).toInstant());
        assertActive(user, early, "TIME");
    }

    @Test
    void shouldUseTheTriggersOwnZoneForEveryUser() {
        long profile = createProfile(Map.of("groupIds", List.of(berlin, newYork), "triggers", List.of(Map.of(
                "type", "TIME", "at", "09:00", "date", "2026-12-24", "timeZone", "America/New_York"))), List.of(),
                List.of());
        long inBerlin = id(createUser("USER", berlin));
        long inNewYork = id(createUser("USER", newYork));
        ZonedDateTime nineInNewYork = ZonedDateTime.of(2026, 12, 24, 9, 0, 0, 0, NEW_YORK);

        assertThat(scheduled(profile)).singleElement().satisfies(s -> assertThat(s.job().zone()).isEqualTo(NEW_YORK));
        service.fire(scheduled(profile).get(0), TimeJob.Edge.ENTER, nineInNewYork,
                nineInNewYork.plusMinutes(1).toInstant());

        assertActive(inBerlin, profile, "TIME");
        assertActive(inNewYork, profile, "TIME");
    }

    @Test
    void shouldLetQuartzFireTheJobAndMoveItToTheNextOccurrence() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(BERLIN);
        String thisMinute = String.format("%02d:%02d", now.getHour(), now.getMinute());
        ZonedDateTime later = now.plusMinutes(3);
        long profile = lunchProfile(thisMinute, String.format("%02d:%02d", later.getHour(), later.getMinute()));
        long user = id(createUser("USER", berlin));
        TimeJob job = job(profile, BERLIN).job();
        ZonedDateTime start = now.withSecond(0).withNano(0);
        // the start of this minute's occurrence is due now: hand Quartz a trigger for it, as a misfire would
        quartz.rescheduleJob(job.triggerKey(TimeJob.Edge.ENTER), org.quartz.TriggerBuilder.newTrigger()
                .withIdentity(job.triggerKey(TimeJob.Edge.ENTER)).forJob(job.jobKey()).startNow()
                .usingJobData("edge", "ENTER").usingJobData("start", Long.toString(start.toInstant().toEpochMilli()))
                .build());

        quartz.start(); // tests keep Quartz in standby; this test lets it run its due triggers
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .untilAsserted(() -> assertActive(user, profile, "TIME"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    quartz.getTrigger(job.triggerKey(TimeJob.Edge.ENTER)).getNextFireTime().toInstant())
                    .isEqualTo(start.plusDays(1).toInstant()));
        } finally {
            quartz.standby();
        }
    }

    private long lunchProfile(String at, String until) {
        Map<String, Object> trigger = new HashMap<>(Map.of("type", "TIME", "at", at, "days", EVERY_DAY));
        if (until != null) {
            trigger.put("until", until);
        }
        return createProfile(Map.of("groupIds", List.of(berlin, newYork), "triggers", List.of(trigger)), List.of(),
                List.of());
    }

    private List<TimeJobs.Scheduled> scheduled(long profileId) {
        return jobs.all().stream().filter(s -> s.job().profileId() == profileId).toList();
    }

    private TimeJobs.Scheduled job(long profileId, ZoneId zone) {
        return scheduled(profileId).stream().filter(s -> s.job().zone().equals(zone)).findFirst().orElseThrow();
    }

    private static void assertActive(long userId, long profileId, String source) {
        var active = asAdmin().get("/api/v1/users/" + userId + "/profile").then().statusCode(200).extract().jsonPath();
        assertThat(active.getLong("profileId")).as("active profile of user %d", userId).isEqualTo(profileId);
        assertThat(active.getString("source")).as("source of user %d", userId).isEqualTo(source);
    }

    private static Map<String, Object> lastHistory(long userId) {
        return asAdmin().get("/api/v1/users/" + userId + "/history?size=1").then().statusCode(200).extract()
                .jsonPath().getMap("items[0]");
    }
}
