package io.profilegateway.pbx.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * asterisk-java's event pump logs one ERROR line per event it drops from a full queue; the gateway turns them into one
 * WARN line of its own, and its other lines ("AsyncEventPump has exited" at every stop) reach no handler above DEBUG.
 */
class AsteriskJavaLogTest {

    private final List<LogRecord> gateway = new CopyOnWriteArrayList<>();
    private final List<LogRecord> root = new CopyOnWriteArrayList<>();
    private final Handler gatewayCapture = capture(gateway);
    private final Handler rootCapture = capture(root);

    @BeforeEach
    void listen() {
        AsteriskJavaLog.install();
        AsteriskJavaLog.reportDropped(0); // what earlier tests in this JVM left behind
        Logger.getLogger(AsteriskJavaLink.class.getName()).addHandler(gatewayCapture);
        Logger.getLogger("").addHandler(rootCapture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(AsteriskJavaLink.class.getName()).removeHandler(gatewayCapture);
        Logger.getLogger("").removeHandler(rootCapture);
    }

    @Test
    void aFullEventQueueBecomesOneGatewayLine() {
        Logger pump = Logger.getLogger(AsteriskJavaLog.EVENT_PUMP);
        for (int i = 0; i < 500; i++) {
            pump.severe("Asterisk-Java ManagerConnection-0-Reader-0:AsyncEventPump Event queue is full, not processing"
                    + " ManagerEvent org.asteriskjava.manager.event.DbGetResponseEvent[family='AMPUSER', key='" + i + "']");
        }
        pump.warning("AsyncEventPump has exited");

        AsteriskJavaLog.reportDropped(0);
        AsteriskJavaLog.reportDropped(0); // nothing new: no second line

        assertThat(root).as("asterisk-java's own lines reaching the console").noneMatch(r -> r.getLoggerName()
                .equals(AsteriskJavaLog.EVENT_PUMP));
        assertThat(gateway).filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .singleElement().satisfies(r -> assertThat(format(r)).contains("event queue was full", "500 events"));
    }

    private static String format(LogRecord record) {
        return record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
    }

    private static Handler capture(List<LogRecord> into) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
