package io.profilegateway.trigger.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The meeting logic alone, with an explicit clock: starts, ends, silence, hold-down, rules. */
class TeamsMeetingTrackerTest {

    private static final Set<String> DEFAULT = Set.of("InACall", "InAConferenceCall", "InAMeeting", "Presenting");
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private final MeetingTracker tracker = new MeetingTracker(Duration.ofSeconds(5));

    @Test
    void shouldStartOnAMeetingActivityAndEndWhenItLeavesTheSet() {
        watch(1, null, new MeetingRule(10, DEFAULT));

        assertThat(tracker.observe(1, "Available", T0)).isEmpty();
        assertThat(tracker.observe(1, "InAMeeting", T0.plusSeconds(1))).contains(Decision.start(1, 10));
        assertThat(tracker.observe(1, "InAMeeting", T0.plusSeconds(2))).isEmpty();
        assertThat(tracker.observe(1, "Available", T0.plusSeconds(9))).contains(Decision.end(1, 10));
    }

    @Test
    void shouldIgnoreOfflineAndPresenceUnknown() {
        watch(1, null, new MeetingRule(10, DEFAULT));
        tracker.observe(1, "InACall", T0);

        assertThat(tracker.observe(1, "Offline", T0.plusSeconds(30))).isEmpty();
        assertThat(tracker.observe(1, "PresenceUnknown", T0.plusSeconds(31))).isEmpty();
        assertThat(tracker.meetingProfile(1)).contains(10L);
        assertThat(tracker.observe(1, "Away", T0.plusSeconds(32))).contains(Decision.end(1, 10));
    }

    @Test
    void shouldDeferAChangeWithinTheHoldDownAndDropItWhenTheActivityFlapsBack() {
        watch(1, null, new MeetingRule(10, DEFAULT));
        tracker.observe(1, "InACall", T0);

        Optional<Decision> deferred = tracker.observe(1, "Available", T0.plusSeconds(2));
        assertThat(deferred).contains(Decision.defer(1, T0.plusSeconds(5)));
        tracker.observe(1, "InAMeeting", T0.plusSeconds(3));

        assertThat(tracker.reevaluate(1, T0.plusSeconds(5))).isEmpty();
        assertThat(tracker.meetingProfile(1)).contains(10L);
    }

    @Test
    void shouldCarryOutADeferredEndAfterTheHoldDown() {
        watch(1, null, new MeetingRule(10, DEFAULT));
        tracker.observe(1, "InACall", T0);
        tracker.observe(1, "Available", T0.plusSeconds(1));

        assertThat(tracker.reevaluate(1, T0.plusSeconds(5))).contains(Decision.end(1, 10));
    }

    @Test
    void shouldStayInTheMeetingWhenACallTurnsIntoAMeeting() {
        watch(1, null, new MeetingRule(10, Set.of("InACall")), new MeetingRule(11, Set.of("InAMeeting")));
        assertThat(tracker.observe(1, "InACall", T0)).contains(Decision.start(1, 10));

        assertThat(tracker.observe(1, "InAMeeting", T0.plusSeconds(60))).isEmpty();
        assertThat(tracker.meetingProfile(1)).contains(10L);
    }

    @Test
    void shouldStartFromTheDatabasesViewAndForgetAFailedSwitch() {
        watch(1, 10L, new MeetingRule(10, DEFAULT));
        assertThat(tracker.observe(1, "Available", T0)).contains(Decision.end(1, 10)); // ended while we were down

        tracker.revert(Decision.end(1, 10));

        assertThat(tracker.observe(1, "Available", T0.plusSeconds(1))).contains(Decision.end(1, 10));
    }

    @Test
    void shouldForgetAMeetingWhoseProfileLostItsTrigger() {
        watch(1, null, new MeetingRule(10, DEFAULT));
        tracker.observe(1, "InACall", T0);

        watch(1, null, new MeetingRule(11, Set.of("Presenting")));

        assertThat(tracker.meetingProfile(1)).isEmpty();
        assertThat(tracker.observe(1, "Available", T0.plusSeconds(60))).isEmpty();
    }

    private void watch(long user, Long meeting, MeetingRule... rules) {
        tracker.update(List.of(new Watch(user, "id-" + user, null, List.of(rules), meeting)));
    }
}
