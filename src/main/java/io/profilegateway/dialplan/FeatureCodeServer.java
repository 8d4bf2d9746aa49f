package io.profilegateway.dialplan;

import io.profilegateway.common.StartupProblem;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.asteriskjava.fastagi.AgiServerThread;
import org.jboss.logging.Logger;

/** Runs the FastAGI server of the feature codes while the gateway runs, when {@code gateway.agi.enabled}. */
@ApplicationScoped
class FeatureCodeServer {

    private static final Logger LOG = Logger.getLogger(FeatureCodeServer.class);

    @Inject
    AgiConfig config;

    @Inject
    FeatureCodes scripts;

    private AgiServerThread thread;

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        VirtualThreadAgiServer server = new VirtualThreadAgiServer(scripts);
        server.setPort(config.port());
        server.setPoolSize(config.poolSize());
        server.setMaximumPoolSize(config.poolSize());
        config.address().ifPresent(address -> server.setAddress(address(address)));
        thread = new AgiServerThread(server);
        thread.setDaemon(true);
        thread.startup();
        LOG.infof("FastAGI feature codes on port %d (%s)", config.port(),
                server.usesVirtualThreads() ? "virtual threads" : "a pool of " + config.poolSize() + " threads");
    }

    void stop(@Observes ShutdownEvent stop) {
        if (thread != null) {
            thread.shutdown();
            thread = null;
        }
    }

    private static InetAddress address(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new StartupProblem("gateway.agi.address: unknown host '" + address + "'");
        }
    }
}
