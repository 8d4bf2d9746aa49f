package io.profilegateway.pbx.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The actions about the session itself: {@code Challenge}, {@code Login}, {@code Logoff}, {@code Events},
 * {@code Ping}, answered as Asterisk's manager.c does.
 */
final class SessionActions {

    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

    private final AmiSimulator sim;

    private SessionActions(AmiSimulator sim) {
        this.sim = sim;
    }

    static void register(Map<String, ActionHandler> handlers, AmiSimulator sim) {
        SessionActions a = new SessionActions(sim);
        handlers.put("challenge", a::challenge);
        handlers.put("login", a::login);
        handlers.put("logoff", a::logoff);
        handlers.put("events", a::events);
        handlers.put("ping", a::ping);
    }

    private boolean challenge(AmiSession session, AmiMessage action) {
        if (!"MD5".equalsIgnoreCase(action.value("AuthType"))) {
            session.error(action, "Must specify AuthType");
            return true;
        }
        if (session.challenge() == null) {
            session.challenge(Long.toString(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)));
        }
        session.reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("Challenge", session.challenge()));
        return true;
    }

    private boolean login(AmiSession session, AmiMessage action) throws InterruptedException {
        if (session.isAuthenticated()) {
            session.ack(action, "Already authenticated");
            return true;
        }
        String username = action.value("Username");
        if (!authenticate(session, action, username)) {
            long delay = sim.config().authFailureDelay().toMillis();
            if (delay > 0) {
                session.flushBatch();
                Thread.sleep(delay);
                session.resumeAction();
            }
            session.error(action, "Authentication failed");
            return false;
        }
        session.authenticated(username);
        int mask = EventCategory.parseMask(action.value("Events"));
        if (mask >= 0) {
            session.eventMask(mask);
        }
        session.ack(action, "Authentication accepted");
        if ((session.eventMask() & EventCategory.SYSTEM.flag()) != 0) {
            long uptime = (System.currentTimeMillis() - sim.startedMillis()) / 1000;
            session.reply(AmiMessage.event("FullyBooted")
                    .add("Privilege", EventCategory.SYSTEM.privilege())
                    .add("Uptime", uptime)
                    .add("LastReload", uptime)
                    .add("Status", "Fully Booted"));
        }
        String now = EVENT_TV.format(Instant.now().atZone(ZoneId.systemDefault()));
        sim.publish(EventCategory.SECURITY, AmiMessage.event("SuccessfulAuth")
                .add("Privilege", EventCategory.SECURITY.privilege())
                .add("EventTV", now)
                .add("Severity", "Informational")
                .add("Service", "AMI")
                .add("EventVersion", "1")
                .add("AccountID", username)
                .add("SessionID", "0x" + Long.toHexString(0x7f0000000000L + session.id() * 0x1000L))
                .add("LocalAddress", session.localAddressText())
                .add("RemoteAddress", session.remoteAddressText())
                .add("UsingPassword", "0")
                .add("SessionTV", EVENT_TV.format(
                        Instant.ofEpochMilli(session.startedMillis()).atZone(ZoneId.systemDefault()))));
        return true;
    }

    private boolean authenticate(AmiSession session, AmiMessage action, String username) {
        if (username.isEmpty()) {
            return false;
        }
        String secret = sim.config().users().get(username.toLowerCase(Locale.ROOT));
        if (secret == null) {
            return false;
        }
        if ("MD5".equalsIgnoreCase(action.value("AuthType"))) {
            String key = action.value("Key");
            return !key.isEmpty() && session.challenge() != null
                    && md5Hex(session.challenge() + secret).equals(key);
        }
        return action.value("Secret").equals(secret);
    }

    private boolean logoff(AmiSession session, AmiMessage action) {
        session.reply(AmiMessage.response("Goodbye", action.value("ActionID"))
                .add("Message", "Thanks for all the fish."));
        return false;
    }

    private boolean events(AmiSession session, AmiMessage action) {
        int mask = EventCategory.parseMask(action.value("EventMask"));
        if (mask < 0) {
            session.error(action, "Invalid event mask");
            return true;
        }
        session.eventMask(mask);
        session.reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("Events", mask > 0 ? "On" : "Off"));
        return true;
    }

    private boolean ping(AmiSession session, AmiMessage action) {
        Instant now = Instant.now();
        String micros = Integer.toString(1_000_000 + now.getNano() / 1000).substring(1);
        session.reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("Ping", "Pong")
                .add("Timestamp", now.getEpochSecond() + "." + micros));
        return true;
    }

    /** @return lower-case hex MD5 of the text, as Asterisk computes the login key */
    static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(32);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
