package io.profilegateway.switching;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
import io.profilegateway.profile.ActionStep;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.ProfileChains;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.ReadOnlyMode;

/**
 * The switching engine: one transaction per switch that locks the user's state row (so two switches of one user
 * never interleave, on any node), runs the old profile's leave chain and the new one's enter chain against the
 * desired PBX state, and records the active profile and the history row. {@link ProfileSwitched} follows the commit.
 */
@ApplicationScoped
public class SwitchEngine {

    @Inject
    Event<ProfileSwitched> switched;

    @Inject
    Event<DesiredStateChanged> changed;

    @Inject
    Clock clock;

    @Inject
    ProfileChains chains;

    @Transactional
    public SwitchResult run(SwitchCommand command) {
        return run(command, user -> {
        });
    }

    /**
     * @param permission checks, in the switch's transaction and before the user's state is locked, that the caller
     *                   may switch this user (throws the problem otherwise)
     */
    @Transactional
    public SwitchResult run(SwitchCommand command, Consumer<User> permission) {
        // the permission first: a caller who may not switch the user takes no lock on his state
        User user = readOnly(User.class, command.userId())
                .orElseThrow(() -> ApiProblem.notFound("user", command.userId()));
        permission.accept(user);
        UserState state = UserState.lockForUpdate(command.userId())
                .orElseThrow(() -> ApiProblem.notFound("user", command.userId()));
        Profile target = readOnly(Profile.class, command.profileId())
                .orElseThrow(() -> ApiProblem.invalid("profileId", "no profile with id " + command.profileId()));
        return apply(state, target, command);
    }

    /**
     * A switch reads the user and the profiles and never changes them: loaded read-only, Hibernate keeps no snapshot
     * of them and leaves them out of the flush's dirty check (a profile's triggers are JSON, compared by converting).
     */
    private static <T> Optional<T> readOnly(Class<T> type, long id) {
        return Optional.ofNullable(Panache.getEntityManager().find(type, id, ReadOnlyMode.READ_ONLY));
    }

    /**
     * Ends what a trigger started (a TIME trigger's {@code until}, the end of a Teams meeting): the activation of
     * {@code source}'s kind for {@code profileId}, wherever it is in the user's stack (README "Activations").
     *
     * @return the switch made, or empty when the activation was not the active one (then it is only removed) or is
     *         gone (a switch by hand replaced it)
     */
    @Transactional
    public Optional<SwitchResult> returnFrom(long userId, long profileId, SwitchSource source, String actor) {
        return end(userId, ActivationKind.endedBy(source), profileId, source, actor);
    }

    /**
     * Ends an activation of {@code kind} for {@code profileId} ({@code profileId} is not looked at for MANUAL_UNTIL,
     * of which a user has one at most). The active one ends into the nearest activation beneath it that the user may
     * still use, or Available when none is left; leaving it is allowed even when it is sticky. One beneath the active
     * one is removed without a switch: what is above it returns past it later.
     */
    @Transactional
    public Optional<SwitchResult> end(long userId, ActivationKind kind, long profileId, SwitchSource source,
            String actor) {
        UserState state = UserState.lockForUpdate(userId).orElse(null);
        if (state == null) {
            return Optional.empty();
        }
        if (!state.activeOwnedBy(kind, profileId)) {
            state.dropBeneath(kind, profileId);
            return Optional.empty();
        }
        return Optional.of(endActive(state, source, actor));
    }

    /**
     * Ends the user's manual switch "for how long" if its {@code until} is not after {@code now} (checked under his
     * lock: a new one set meanwhile stays).
     */
    @Transactional
    public Optional<SwitchResult> expireUntil(long userId, Instant now) {
        UserState state = UserState.lockForUpdate(userId).orElse(null);
        if (state == null) {
            return Optional.empty();
        }
        if (state.activeKind == ActivationKind.MANUAL_UNTIL && state.activeUntil != null
                && !state.activeUntil.isAfter(now)) {
            return Optional.of(endActive(state, SwitchSource.SYSTEM, "until"));
        }
        state.beneath.removeIf(a -> a == null
                || a.kind == ActivationKind.MANUAL_UNTIL && a.until != null && !a.until.isAfter(now));
        return Optional.empty();
    }

    private SwitchResult endActive(UserState state, SwitchSource source, String actor) {
        long userId = state.userId;
        Optional<Activation> back = state.popBeneath(p -> chains.isUsableBy(p, state.user));
        Profile target = back.map(a -> a.profile).orElseGet(() -> Profile.findById(Profile.AVAILABLE_ID));
        ActivationKind resumedKind = back.map(a -> a.kind).orElse(ActivationKind.BASE);
        Instant resumedUntil = back.map(a -> a.until).orElse(null);
        SwitchCommand command = new SwitchCommand(userId, target.id, null, source, actor, resumedKind, resumedUntil);
        Instant now = clock.instant();
        Profile from = state.activeProfile;
        Runnable resume = () -> state.resume(target, resumedKind, resumedUntil, source, now);
        if (from.id.equals(target.id)) {
            resume.run();
            record(state, from, target, command, SwitchOutcome.ALREADY_ACTIVE, null, now);
            return result(SwitchOutcome.ALREADY_ACTIVE, state);
        }
        return runChains(state, from, target, command, now, resume);
    }

    /** Switches an already locked state; for callers that hold the transaction (deleting a profile). */
    SwitchResult apply(UserState state, Profile target, SwitchCommand command) {
        if (!chains.isUsableBy(target, state.user)) {
            throw ApiProblem.invalid("profileId", "profile '" + target.name + "' is not available to this user");
        }
        Profile from = state.activeProfile;
        Instant now = clock.instant();
        SwitchParameters.resolve(command.parameters(), List.of(), List.of(), false); // names and values, always
        if (from.id.equals(target.id)) {
            if (command.source().isPerson() && !command.kind().isLayer() && state.activeKind.isLayer()) {
                state.activate(target, command, state.activeSince); // chosen by hand: it stands, nothing ends it
            }
            record(state, from, target, command, SwitchOutcome.ALREADY_ACTIVE, null, now);
            return result(SwitchOutcome.ALREADY_ACTIVE, state);
        }
        if (command.source().isTrigger() && from.sticky) {
            boolean deferred = state.deferBeneathActive(target, command, now);
            record(state, from, target, command, SwitchOutcome.SKIPPED_STICKY, "'" + from.name
                    + "' is sticky: triggers do not switch away from it"
                    + (deferred ? "; '" + target.name + "' follows when it ends" : ""), now);
            return result(SwitchOutcome.SKIPPED_STICKY, state);
        }
        return runChains(state, from, target, command, now, () -> state.activate(target, command, now));
    }

    /** Runs {@code from}'s leave and {@code target}'s enter chain, then {@code activation} (the stack's change). */
    private SwitchResult runChains(UserState state, Profile from, Profile target, SwitchCommand command, Instant now,
            Runnable activation) {
        List<ActionStep> leave = chains.of(from).leave();
        List<ActionStep> enter = chains.of(target).enter();
        SwitchParameters parameters = SwitchParameters.resolve(command.parameters(), leave, enter,
                command.source().isPerson());
        ActionApplier applier = new ActionApplier(state, parameters);
        leave.forEach(applier::apply);
        enter.forEach(applier::apply);
        state.previousProfile = from;
        activation.run();
        state.stateVersion++;
        List<String> notes = applier.notes();
        record(state, from, target, command, SwitchOutcome.SWITCHED, notes.isEmpty() ? null : String.join("; ", notes),
                now);
        SwitchResult result = result(SwitchOutcome.SWITCHED, state);
        switched.fire(new ProfileSwitched(state.userId, from.id, target.id, command.source(), command.actor(), now,
                result.desired(), PresenceView.of(state)));
        announce(state, state.user.pbxServer, result.desired());
        return result;
    }

    /**
     * Before a profile is deleted: everyone who has it active is switched to Available, through a normal recorded
     * switch (source SYSTEM), in the caller's transaction; nobody keeps it as his previous profile or beneath his
     * active one. Clears the persistence context: the caller reloads what it still needs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveEveryoneToAvailable(Profile leaving, String actor) {
        Profile available = Profile.findById(Profile.AVAILABLE_ID);
        List<Long> userIds = UserState.getEntityManager()
                .createQuery("select s.userId from UserState s where s.activeProfile = :p order by s.userId", Long.class)
                .setParameter("p", leaving).getResultList();
        int moved = 0;
        for (long userId : userIds) {
            UserState state = UserState.lockForUpdate(userId).orElseThrow();
            if (state.activeProfile.id.equals(leaving.id)) {
                apply(state, available, new SwitchCommand(userId, available.id, null, SwitchSource.SYSTEM, actor));
                moved++;
            }
        }
        // an activation of it beneath another is dropped: the one above returns past it (README "Activations")
        List<Long> holding = UserState.getEntityManager().createQuery(
                "select distinct s.userId from UserState s join s.beneath a where a.profile = :p", Long.class)
                .setParameter("p", leaving).getResultList();
        for (long userId : holding) {
            UserState.lockForUpdate(userId).orElseThrow().beneath
                    .removeIf(a -> a == null || a.profile.id.equals(leaving.id));
        }
        // "the previous profile" of a deleted profile is none (returning then goes to Available)
        UserState.getEntityManager().flush();
        UserState.update("previousProfile = null where previousProfile = ?1", leaving);
        UserState.getEntityManager().clear();
        return moved;
    }

    /** Gives a new PBX user his first profile, Available, with its enter chain applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(User user, String actor) {
        Profile available = Profile.findById(Profile.AVAILABLE_ID);
        UserState state = new UserState();
        state.user = user;
        state.activeProfile = available;
        state.activeSince = clock.instant();
        state.activeSource = SwitchSource.SYSTEM;
        ActionApplier applier = new ActionApplier(state, new SwitchParameters(null));
        chains.of(available).enter().forEach(applier::apply);
        state.persist();
        record(state, null, available, new SwitchCommand(user.id, available.id, null, SwitchSource.SYSTEM, actor),
                SwitchOutcome.SWITCHED, "new user", state.activeSince);
        announce(state, user.pbxServer);
    }

    /** The user's devices, mobile number or server changed: his desired state has a new version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pbxUserChanged(User user, String previousServer) {
        UserState.lockForUpdate(user.id).ifPresent(state -> {
            state.stateVersion++;
            announce(state, previousServer);
        });
    }

    /** The user is being deleted: the reconciler removes what the gateway wrote for him. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pbxUserRemoved(User user) {
        if (user.isPbxUser()) {
            changed.fire(new DesiredStateChanged(user.id, user.extension, user.pbxServer, user.pbxServer, null));
        }
    }

    /**
     * Takes a change the user made on the phone (a pause key, a DND feature code) into his desired state and the
     * history (source DIALPLAN, outcome ADOPTED), instead of fighting it. {@code change} returns false when the state
     * already says so (nothing is recorded then).
     */
    @Transactional
    public boolean adopt(long userId, java.util.function.Predicate<UserState> change, String detail) {
        UserState state = UserState.lockForUpdate(userId).orElse(null);
        if (state == null || !change.test(state)) {
            return false;
        }
        state.stateVersion++;
        record(state, state.activeProfile, state.activeProfile,
                new SwitchCommand(userId, state.activeProfile.id, null, SwitchSource.DIALPLAN, "phone"),
                SwitchOutcome.ADOPTED, detail, clock.instant());
        announce(state, state.user.pbxServer);
        return true;
    }

    private void announce(UserState state, String previousServer) {
        if (state.user.isPbxUser()) {
            announce(state, previousServer, DesiredPbxState.of(state));
        }
    }

    /** With the desired state already taken from {@code state} (a switch's result): not computed twice. */
    private void announce(UserState state, String previousServer, DesiredPbxState desired) {
        if (state.user.isPbxUser()) {
            changed.fire(new DesiredStateChanged(state.userId, state.user.extension, state.user.pbxServer,
                    previousServer, desired));
        }
    }

    private static void record(UserState state, Profile from, Profile to, SwitchCommand command,
            SwitchOutcome outcome, String detail, Instant at) {
        SwitchHistory row = SwitchHistory.of(state, from, command.source(), command.actor(), outcome, detail, at);
        row.toProfileId = to.id;
        row.toProfileName = to.name;
        row.persist();
    }

    private static SwitchResult result(SwitchOutcome outcome, UserState state) {
        return new SwitchResult(outcome, ActiveProfile.of(state), DesiredPbxState.of(state));
    }
}
