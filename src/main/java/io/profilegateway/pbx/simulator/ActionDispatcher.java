package io.profilegateway.pbx.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a received message into a reply the way Asterisk's {@code process_message} does: header limits, missing
 * action, permission before login, then the action itself or "Invalid/unknown command". Injected faults (delay,
 * error answer) apply to actions that passed the login check.
 */
final class ActionDispatcher {

    private final AmiSimulator sim;
    private final Map<String, ActionHandler> handlers = new HashMap<>();

    ActionDispatcher(AmiSimulator sim) {
        this.sim = sim;
        SessionActions.register(handlers, sim);
        CoreActions.register(handlers, sim);
        DbActions.register(handlers, sim);
        QueueActions.register(handlers, sim);
        StateActions.register(handlers, sim);
        PjsipActions.register(handlers, sim);
    }

    /**
     * Processes one received message.
     *
     * @return whether the session stays open
     */
    boolean process(AmiSession session, AmiInput.Received received) throws InterruptedException {
        AmiMessage message = AmiMessage.of(received.headers);
        String action = message.firstNonEmpty("Action");
        sim.actionLog().record(message, action);
        sim.observe(message);
        if (received.tooManyLines) {
            session.error(message, "Too many lines in message or allocation failure");
            return true;
        }
        if (received.lineTooLong) {
            session.error(message, "Failed to process message: Message line too long");
            return true;
        }
        if (action == null) {
            session.error(message, "Missing action in request");
            return true;
        }
        String name = action.toLowerCase(Locale.ROOT);
        if (!session.isAuthenticated() && !name.equals("login") && !name.equals("logoff")
                && !name.equals("challenge")) {
            session.error(message, "Permission denied");
            return true;
        }
        AmiFaults faults = sim.faults();
        if (faults.active()) {
            Duration delay = faults.delayFor(action);
            if (!delay.isZero()) {
                session.flushBatch();
                Thread.sleep(delay.toMillis());
                session.resumeAction();
            }
            String failure = faults.failureFor(message);
            if (failure != null) {
                session.error(message, failure);
                return !name.equals("login") || session.isAuthenticated();
            }
        }
        ActionHandler handler = handlers.get(name);
        if (handler == null) {
            session.error(message, "Invalid/unknown command: " + action
                    + ". Use Action: ListCommands to show available commands.");
            return true;
        }
        return handler.handle(session, message);
    }
}
