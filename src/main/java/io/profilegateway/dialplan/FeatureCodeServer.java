package io.profilegateway.dialplan;

import io.profilegateway.common.StartupProblem;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
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

    private VirtualThreadAgiServer server;
    private AgiServerThread thread;

    /**
     * Binds the port before anything else starts (right after the AMI settings are checked), so a port in use ends the
     * start in one line before links and jobs run; calls are served from the ordinary start on.
     */
    void bind(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 50) StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        server = new VirtualThreadAgiServer(scripts);
        server.setPort(config.port());
        server.setPoolSize(config.poolSize());
        server.setMaximumPoolSize(config.poolSize());
        config.address().ifPresent(address -> server.setAddress(address(address)));
        try {
            server.bind();
        } catch (java.io.IOException e) {
            server = null;
            String where = config.address().map(a -> "address " + a + ", port ").orElse("port ") + config.port();
            throw new StartupProblem("The FastAGI server of the feature codes cannot listen on " + where + " ("
                    + e.getMessage() + "): stop the process that holds it, or set gateway.agi.port (environment "
                    + "GATEWAY_AGI_PORT) or gateway.agi.address (GATEWAY_AGI_ADDRESS), or gateway.agi.enabled=false.");
        }
    }

    void start(@Observes StartupEvent start) {
        if (server == null) {
            return;
        }
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
        } else if (server != null) {
            server.shutdown(); // bound, never served: the start failed later
        }
        server = null;
    }

    private static InetAddress address(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new StartupProblem("gateway.agi.address: unknown host '" + address + "'");
        }
    }
}
