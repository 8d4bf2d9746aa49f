package io.profilegateway.pbx;

import io.profilegateway.common.ApiProblem;
import io.profilegateway.directory.user.User;
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
 * fighting it: the queue pause key ({@code QueueMemberPause}), a DND feature code ({@code Custom:DND<ext>}), and the
 * dialplan's profile switch ({@code UserEvent(ProfileSwitch,Extension: …,Profile: <id>)}). Runs on its own thread,
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
        } else if (event instanceof PbxEvent.UserEventReceived request && request.name().equals("ProfileSwitch")) {
            switchFromDialplan(request);
        }
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
