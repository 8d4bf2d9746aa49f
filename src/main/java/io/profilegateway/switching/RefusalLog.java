package io.profilegateway.switching;

import io.micrometer.core.instrument.MeterRegistry;
import io.profilegateway.profile.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Records switches that were refused or failed before anything changed, each in its own transaction (the switch's
 * own rolled back). Refusals of one user beyond {@code gateway.history.refusals-per-minute} are only counted.
 */
@ApplicationScoped
public class RefusalLog {

    @Inject
    HistoryConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    /**
     * @param profileId the profile asked for, or null when the request named none
     * @return whether a row was written (not for an unknown user, nor beyond the cap)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(long userId, Long profileId, SwitchSource source, String actor, SwitchOutcome outcome,
            String reason) {
        UserState state = UserState.findById(userId);
        if (state == null) {
            return false;
        }
        Instant now = clock.instant();
        if (outcome == SwitchOutcome.REFUSED && SwitchHistory.count("userId = ?1 and outcome = ?2 and at > ?3", userId,
                SwitchOutcome.REFUSED, now.minusSeconds(60)) >= config.refusalsPerMinute()) {
            registry.counter("gateway.history.refusals.unrecorded").increment();
            return false;
        }
        Profile target = profileId == null ? null : Profile.findById(profileId);
        SwitchHistory row = SwitchHistory.of(state, state.activeProfile, source, actor, outcome, reason, now);
        row.toProfileId = profileId;
        row.toProfileName = target == null ? null : target.name;
        row.persist();
        return true;
    }
}
