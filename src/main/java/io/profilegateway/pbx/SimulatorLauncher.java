package io.profilegateway.pbx;

import io.profilegateway.access.Secrets;
import io.profilegateway.common.StartupProblem;
import io.profilegateway.pbx.simulator.AmiSimulator;
import io.profilegateway.pbx.simulator.AmiSimulatorConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * Starts the in-process AMI simulator when {@code gateway.ami.simulator.enabled} is set and no Asterisk is configured
 * — in dev mode (so every feature can be tried on one machine) and in tests. Never in production: there it refuses.
 */
@ApplicationScoped
public class SimulatorLauncher {

    private static final Logger LOG = Logger.getLogger(SimulatorLauncher.class);
    private static final String USERNAME = "gateway";

    @Inject
    AmiConfig config;

    private AmiSimulator simulator;

    synchronized AmiConfig.Server start() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new StartupProblem("gateway.ami.simulator.enabled is for dev mode and tests only: remove it, and"
                    + " set gateway.ami.servers.main.host, .username and .secret instead; see README, 'Connect Asterisk'.");
        }
        String secret = Secrets.random(18);
        AmiSimulatorConfig.Builder builder = AmiSimulatorConfig.builder().port(config.simulator().port())
                .user(USERNAME, secret).authFailureDelay(java.time.Duration.ZERO);
        config.simulator().queues().ifPresentOrElse(q -> builder.queues(q.toArray(String[]::new)),
                builder::acceptAnyQueue);
        try {
            simulator = new AmiSimulator(builder.build()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the AMI simulator", e);
        }
        LOG.infof("AMI simulator (an in-process stand-in for Asterisk) listening on %s:%d", simulator.host(),
                simulator.port());
        return new SimulatedServer(simulator.host(), simulator.port(), USERNAME, secret);
    }

    /** The running simulator, for tests and the dev UI; null when none runs. */
    public synchronized AmiSimulator simulator() {
        return simulator;
    }

    synchronized void stop() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }

    private record SimulatedServer(String host, int port, String username, String secret)
            implements AmiConfig.Server {
    }
}
