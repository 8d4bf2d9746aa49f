package io.profilegateway.dialplan;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.profile.Profile;
import io.profilegateway.switching.SwitchCommand;
import io.profilegateway.switching.SwitchOutcome;
import io.profilegateway.switching.SwitchService;
import io.profilegateway.switching.SwitchSource;
import io.profilegateway.switching.UserState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The switches the feature codes ask for, made through {@link SwitchService} like any other (source DIALPLAN, the
 * caller switches himself, so the history shows him as {@code dialplan <ext>}). A switch the rules refuse (an
 * unknown profile, one the caller may not use) is an INFO line and {@link Tone#REFUSED}, never an error.
 */
@ApplicationScoped
class DialplanSwitches {

    private static final Logger LOG = Logger.getLogger(DialplanSwitches.class);

    @Inject
    SwitchService switcher;

    /** {@code *55<id>}: to the profile with that id. */
    Tone switchTo(Callers.Caller caller, long profileId, String code) {
        return run(caller, profileId, code) ? Tone.DONE : Tone.REFUSED;
    }

    /**
     * {@code *55}: the favourite after the active profile in the caller's list (the first when the active one is
     * none of them), skipping any he may no longer use; beep, then the favourite's number (1 = the first).
     */
    Reply nextFavourite(Callers.Caller caller) {
        List<Long> favourites = QuarkusTransaction.requiringNew().call(() -> Favourites.of(caller.userId()));
        if (favourites.isEmpty()) {
            LOG.infof("FastAGI *55 of %s: no favourite profiles, nothing switched", caller.extension());
            return Reply.of(Tone.REFUSED);
        }
        int at = favourites.indexOf(profiles(caller).active());
        for (int step = 1; step <= favourites.size(); step++) {
            int next = Math.floorMod(at + step, favourites.size());
            if (run(caller, favourites.get(next), "*55")) {
                return Reply.withNumber(Tone.DONE, next + 1);
            }
        }
        return Reply.of(Tone.REFUSED);
    }

    /** {@code *56}: back to the profile active before the current one. */
    Tone back(Callers.Caller caller) {
        Optional<Long> previous = profiles(caller).previous();
        if (previous.isEmpty()) {
            LOG.infof("FastAGI *56 of %s: no previous profile, nothing switched", caller.extension());
            return Tone.REFUSED;
        }
        return run(caller, previous.get(), "*56") ? Tone.DONE : Tone.REFUSED;
    }

    /**
     * {@code *76}: in the DND profile → back to the profile before it (Available when there is none, or it was DND
     * as well), two beeps; in any other profile → DND, one beep.
     */
    Tone toggleDnd(Callers.Caller caller) {
        Profiles now = profiles(caller);
        if (now.active() != Profile.DND_ID) {
            return run(caller, Profile.DND_ID, "*76") ? Tone.DONE : Tone.REFUSED;
        }
        long back = now.previous().filter(id -> id != Profile.DND_ID).orElse(Profile.AVAILABLE_ID);
        return run(caller, back, "*76") ? Tone.DONE_OFF : Tone.REFUSED;
    }

    record Profiles(long active, Optional<Long> previous) {
    }

    Profiles profiles(Callers.Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = UserState.getEntityManager().createQuery("select a.id, p.id from UserState s join "
                    + "s.activeProfile a left join s.previousProfile p where s.userId = :u", Object[].class)
                    .setParameter("u", caller.userId()).getSingleResult();
            return new Profiles((Long) row[0], Optional.ofNullable((Long) row[1]));
        });
    }

    private boolean run(Callers.Caller caller, long profileId, String code) {
        try {
            SwitchOutcome outcome = switcher.switchProfile(new SwitchCommand(caller.userId(), profileId, null,
                    SwitchSource.DIALPLAN, "dialplan " + caller.extension())).outcome();
            boolean done = outcome == SwitchOutcome.SWITCHED || outcome == SwitchOutcome.ALREADY_ACTIVE;
            if (!done) {
                LOG.infof("FastAGI %s of %s: profile %d not switched (%s)", code, caller.extension(), profileId,
                        outcome);
            }
            return done;
        } catch (ApiProblem refused) {
            LOG.infof("FastAGI %s of %s: profile %d refused: %s", code, caller.extension(), profileId,
                    refused.getMessage());
            return false;
        }
    }
}
