package io.profilegateway.pbx;

import io.profilegateway.directory.team.Team;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
import io.profilegateway.profile.RedirectKind;
import io.profilegateway.switching.SwitchCommand;
import io.profilegateway.switching.SwitchEngine;
import io.profilegateway.switching.SwitchService;
import io.profilegateway.switching.SwitchSource;
import io.profilegateway.switching.TeamMembership;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Takes what users change on their phones into their desired state and history (source DIALPLAN) instead of
 * fighting it: the queue pause key ({@code QueueMemberPause}), a DND feature code ({@code Custom:DND<ext>}), a queue
 * login / logout ({@code QueueMemberAdded} / {@code QueueMemberRemoved}), a presence set on the phone side
 * ({@code PresenceStateChange} of {@code CustomPresence:<ext>}: a switch to the profile it stands for), a call forward
 * code ({@code UserEvent(CallForward,Extension: …,Kind: CF|CFB|CFU,Target: …)}) and the dialplan's profile switch
 * ({@code UserEvent(ProfileSwitch,Extension: …,Profile: <id>)}). Runs on its own thread,
 * never on asterisk-java's reader thread; the gateway's own changes coming back as events never get here
 * ({@link ServerSync} filters those echoes).
 */
@ApplicationScoped
public class PbxAdoption {

    private static final Logger LOG = Logger.getLogger(PbxAdoption.class);

    @Inject
    SwitchEngine engine;

    @Inject
    SwitchService switcher;

    @Inject
    PbxNames names;

    @Inject
    PresenceProfiles presenceProfiles;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbx-adoption");
        thread.setDaemon(true);
        return thread;
    });

    void listen(ServerSync sync) {
        sync.onPhoneEvent(event -> worker.execute(() -> {
            try {
                handle(event);
            } catch (RuntimeException e) {
                LOG.warnf("AMI %s: could not adopt %s: %s", event.server(), event, e.getMessage());
            }
        }));
    }

    private void handle(PbxEvent event) {
        if (event instanceof PbxEvent.DeviceStateChanged change) {
            String ext = names.extensionOfDndDeviceState(change.device());
            boolean reachable = PbxNames.OFF.equals(change.state());
            userOf(ext).ifPresent(userId -> engine.adopt(userId, state -> {
                if (state.reachable == reachable) {
                    return false;
                }
                state.reachable = reachable;
                return true;
            }, reachable ? "DND switched off on the phone" : "DND switched on on the phone"));
        } else if (event instanceof PbxEvent.MemberPaused pause) {
            String ext = names.extensionOfInterface(pause.memberInterface());
            String reason = pause.paused() && pause.reason() != null && !pause.reason().isEmpty()
                    ? bounded(pause.reason()) : null;
            userOf(ext).ifPresent(userId -> engine.adopt(userId, state -> {
                for (TeamMembership member : state.teams) {
                    if (member.team.queue.equals(pause.queue())) {
                        if (member.paused == pause.paused() && Objects.equals(member.pauseReason, reason)) {
                            return false;
                        }
                        member.paused = pause.paused();
                        member.pauseReason = reason;
                        return true;
                    }
                }
                return false;
            }, (pause.paused() ? "paused" : "unpaused") + " in queue " + pause.queue() + " on the phone"));
        } else if (event instanceof PbxEvent.MemberAdded added) {
            loggedIn(added);
        } else if (event instanceof PbxEvent.MemberRemoved removed) {
            String ext = names.extensionOfInterface(removed.memberInterface());
            userOf(ext).ifPresent(userId -> engine.adopt(userId, state -> state.dropMembership(removed.queue()),
                    "logged out of queue " + removed.queue() + " on the phone"));
        } else if (event instanceof PbxEvent.PresenceChanged presence) {
            presenceChanged(presence);
        } else if (event instanceof PbxEvent.UserEventReceived request && request.name().equals("ProfileSwitch")) {
            switchFromDialplan(request);
        } else if (event instanceof PbxEvent.UserEventReceived request && request.name().equals("CallForward")) {
            forwardFromDialplan(request);
        }
    }

    /** {@code QueueMemberAdded} not caused by the gateway: a login code on the phone, into a queue that is a team. */
    private void loggedIn(PbxEvent.MemberAdded added) {
        String ext = names.extensionOfInterface(added.memberInterface());
        Optional<Team> team = QuarkusTransaction.requiringNew().call(() -> Team.<Team>find("queue", added.queue())
                .firstResultOptional());
        if (team.isEmpty()) {
            LOG.debugf("AMI %s: %s joined queue %s, which is no team: not adopted", added.server(), ext, added.queue());
            return;
        }
        String reason = added.paused() && added.reason() != null ? bounded(added.reason()) : null;
        userOf(ext).ifPresent(userId -> engine.adopt(userId, state -> state.adoptMembership(team.get(),
                added.penalty(), added.paused(), reason), "logged in to queue " + added.queue() + " on the phone"));
    }

    /** {@code PresenceStateChange} not caused by the gateway: switched to the profile the presence stands for. */
    private void presenceChanged(PbxEvent.PresenceChanged presence) {
        String ext = names.extensionOfPresence(presence.presentity());
        userOf(ext).ifPresent(userId -> presenceProfiles.profileFor(userId, presence.status(), presence.message())
                .ifPresentOrElse(profile -> switcher.switchProfile(new SwitchCommand(userId, profile, null,
                        SwitchSource.DIALPLAN, "phone presence " + ext)),
                        () -> LOG.debugf("AMI %s: presence %s of %s matches no other profile", presence.server(),
                                presence.status(), ext)));
    }

    /**
     * The dialplan's {@code UserEvent(CallForward,Extension: <ext>,Kind: CF|CFB|CFU,Target: <number or empty>)}: the
     * redirect the phone set (or removed, empty target) is taken into the desired state.
     */
    private void forwardFromDialplan(PbxEvent.UserEventReceived request) {
        String ext = request.headers().get("Extension");
        String kindName = request.headers().get("Kind");
        String target = request.headers().getOrDefault("Target", "").trim();
        RedirectKind kind = kindName == null ? null : switch (kindName.toUpperCase(java.util.Locale.ROOT)) {
            case "CF" -> RedirectKind.ALWAYS;
            case "CFB" -> RedirectKind.BUSY;
            case "CFU" -> RedirectKind.NO_ANSWER;
            default -> null;
        };
        if (kind == null || !(target.isEmpty() || target.matches("[0-9+*#]{1,40}"))) {
            LOG.warnf("AMI %s: CallForward for %s ignored: Kind must be CF, CFB or CFU, Target digits, +, * or #",
                    request.server(), ext);
            return;
        }
        String value = target.isEmpty() ? null : target;
        userOf(ext).ifPresent(userId -> engine.adopt(userId, state -> state.adoptRedirect(kind, value),
                (value == null ? "redirect " + kind + " removed" : "redirect " + kind + " to " + value)
                        + " on the phone"));
    }

    private void switchFromDialplan(PbxEvent.UserEventReceived request) {
        String ext = request.headers().get("Extension");
        String profile = request.headers().get("Profile");
        if (profile == null || !profile.matches("[0-9]{1,18}")) {
            LOG.warnf("AMI %s: ProfileSwitch for %s ignored: Profile must be a profile id", request.server(), ext);
            userOf(ext).ifPresent(userId -> switcher.rejected(userId, null, SwitchSource.DIALPLAN, "dialplan " + ext,
                    ApiProblem.invalid("Profile", "must be a profile id")));
            return;
        }
        userOf(ext).ifPresentOrElse(userId -> switcher.switchProfile(new SwitchCommand(userId,
                Long.parseLong(profile), null, SwitchSource.DIALPLAN, "dialplan " + ext)),
                () -> LOG.warnf("AMI %s: ProfileSwitch for unknown extension ignored", request.server()));
    }

    private static Optional<Long> userOf(String extension) {
        if (extension == null || !extension.matches("[0-9]{1,20}")) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> User.findByExtension(extension).map(u -> u.id));
    }

    private static String bounded(String reason) {
        String clean = reason.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
