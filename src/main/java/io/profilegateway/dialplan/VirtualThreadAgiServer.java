package io.profilegateway.dialplan;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.jboss.logging.Logger;

/**
 * asterisk-java's FastAGI server, serving each call on a virtual thread of its own when the JVM has them (Java 21+;
 * the jar is built for 17, so they are looked up at run time), else on asterisk-java's own pool.
 */
class VirtualThreadAgiServer extends DefaultAgiServer {

    private static final Logger LOG = Logger.getLogger(VirtualThreadAgiServer.class);

    private final Optional<ExecutorService> virtualThreads = virtualThreadExecutor();

    VirtualThreadAgiServer(MappingStrategy scripts) {
        super(scripts);
    }

    boolean usesVirtualThreads() {
        return virtualThreads.isPresent();
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
