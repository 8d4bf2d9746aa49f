package io.profilegateway.dialplan;

import io.profilegateway.common.Violations;
import io.profilegateway.directory.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who dialled a feature code. The rule, first that applies: the device of the calling channel ({@code agi_channel}
 * {@code PJSIP/desk-214-0000002a} is device {@code PJSIP/desk-214}) is a workplace → the user who holds it; it is
 * one of a user's devices → that user; else the caller id number ({@code agi_callerid}) is a user's extension.
 * A phone can set any caller id it likes, a channel name it cannot: the device wins.
 */
@ApplicationScoped
class Callers {

    /** An Asterisk channel name: the device, then {@code -} and the channel's sequence number in hex. */
    private static final Pattern CHANNEL = Pattern.compile("(.+)-[0-9a-fA-F]+");

    record Caller(long userId, String extension) {
    }

    Optional<Caller> of(String channel, String callerIdNumber) {
        Optional<String> device = deviceOf(channel);
        return QuarkusTransaction.requiringNew().call(() -> device.flatMap(Callers::byDevice)
                .or(() -> byExtension(callerIdNumber)));
    }

    static Optional<String> deviceOf(String channel) {
        if (channel == null) {
            return Optional.empty();
        }
        Matcher m = CHANNEL.matcher(channel);
        return m.matches() && Violations.DEVICE.matcher(m.group(1)).matches() ? Optional.of(m.group(1))
                : Optional.empty();
    }

    private static Optional<Caller> byDevice(String device) {
        var em = User.getEntityManager();
        List<User> holders = em.createQuery("select s.user from UserState s where s.workplace.device = :d", User.class)
                .setParameter("d", device).getResultList();
        if (holders.isEmpty()) {
            holders = em.createQuery("select u from AppUser u join u.devices d where d = :d and u.extension is not null"
                    + " order by u.id", User.class).setParameter("d", device).setMaxResults(1).getResultList();
        }
        return holders.stream().filter(User::isPbxUser).findFirst().map(u -> new Caller(u.id, u.extension));
    }

    private static Optional<Caller> byExtension(String number) {
        if (number == null || !Violations.EXTENSION.matcher(number).matches()) {
            return Optional.empty();
        }
        return User.findByExtension(number).map(u -> new Caller(u.id, u.extension));
    }
}
