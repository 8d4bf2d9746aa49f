package io.profilegateway.pbx.ami;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What asterisk-java's event pump says, turned into the gateway's own words. When its 20,000-place event queue is full
 * it logs one ERROR line per dropped event or answer (thousands in a second, each with the whole event); here they are
 * only counted, and {@link #reportDropped} gives the gateway one line about them. Its other lines (starting, "has
 * exited" at every stop) go to DEBUG. The other asterisk-java categories are set in application.properties.
 */
final class AsteriskJavaLog extends Handler {

    static final String EVENT_PUMP = "org.asteriskjava.manager.internal.AsyncEventPump";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AsteriskJavaLink.class);
    private static final AsteriskJavaLog INSTANCE = new AsteriskJavaLog();
    /** Held, so that the logger (and the handler on it) cannot be collected. */
    private static Logger pumpLogger;

    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastReport;

    /** Takes over asterisk-java's event pump category; once per JVM. */
    static synchronized void install() {
        if (pumpLogger == null) {
            pumpLogger = Logger.getLogger(EVENT_PUMP);
            pumpLogger.setUseParentHandlers(false);
            pumpLogger.addHandler(INSTANCE);
        }
    }

    /**
     * One WARN line when asterisk-java dropped events since the last report, at most every {@code everyMillis}: a
     * full reconcile that waited for them fails after its time-out and is tried again.
     */
    static void reportDropped(long everyMillis) {
        long now = System.currentTimeMillis();
        if (INSTANCE.dropped.get() == 0 || now - INSTANCE.lastReport < everyMillis) {
            return;
        }
        long count = INSTANCE.dropped.getAndSet(0);
        INSTANCE.lastReport = now;
        LOG.warnf("AMI: asterisk-java's event queue was full: %d events or answers dropped since the last report; a full"
                + " reconcile reading them fails after gateway.ami.full-reconcile-timeout and is tried again", count);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message != null && message.contains("Event queue is full")) {
            dropped.incrementAndGet();
        } else if (LOG.isDebugEnabled()) {
            LOG.debugf("asterisk-java event pump: %s", message);
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing held
    }
}
