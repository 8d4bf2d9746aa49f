package io.profilegateway.dialplan;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.jboss.logging.Logger;

/**
 * asterisk-java's FastAGI server, serving each call on a virtual thread of its own when the JVM has them (Java 21+;
 * the jar is built for 17, so they are looked up at run time), else on asterisk-java's own pool.
 */
class VirtualThreadAgiServer extends DefaultAgiServer {

    private static final Logger LOG = Logger.getLogger(VirtualThreadAgiServer.class);

    private final Optional<ExecutorService> virtualThreads = virtualThreadExecutor();
    private ServerSocketFacade bound;

    VirtualThreadAgiServer(MappingStrategy scripts) {
        super(scripts);
    }

    boolean usesVirtualThreads() {
        return virtualThreads.isPresent();
    }

    /**
     * Binds the listening socket now, on the caller's thread, so a port in use fails the start there (asterisk-java
     * would bind later on its own thread, log a stack trace and carry on without a server).
     */
    void bind() throws java.io.IOException {
        bound = super.createServerSocket();
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws java.io.IOException {
        if (bound != null) {
            ServerSocketFacade socket = bound;
            bound = null;
            return socket;
        }
        return super.createServerSocket();
    }

    @Override
    protected void execute(Runnable call) {
        if (virtualThreads.isPresent() && !isDie()) {
            virtualThreads.get().execute(call);
        } else {
            super.execute(call);
        }
    }

    @Override
    public synchronized void shutdown() {
        super.shutdown();
        virtualThreads.ifPresent(ExecutorService::shutdownNow);
        if (bound != null) {
            try {
                bound.close(); // bound but never started
            } catch (java.io.IOException e) {
                LOG.debugf("closing the FastAGI socket failed: %s", e.getMessage());
            }
            bound = null;
        }
    }

    private static Optional<ExecutorService> virtualThreadExecutor() {
        try {
            return Optional.of((ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                    .invoke(null));
        } catch (ReflectiveOperationException e) {
            LOG.debugf("no virtual threads on Java %s: FastAGI calls use a thread pool",
                    Runtime.version().feature());
            return Optional.empty();
        }
    }
}
