package io.profilegateway.trigger.teams;

import com.microsoft.graph.models.Subscription;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The push path: presence subscriptions (≤ 650 users each, owned by the delegated service account) for the users this
 * node polls, renewed before they expire and created again when lost; notifications with the right client state make
 * the poller read those users' presence at once (the notification itself is never trusted). Others are counted and
 * ignored.
 */
@ApplicationScoped
public class PresenceSubscriptions {

    private static final Logger LOG = Logger.getLogger(PresenceSubscriptions.class);

    /** One subscription: its id, its users and its expiry; {@code lost} after Graph removed it. */
    private static final class Sub {
        final String id;
        final List<String> ids;
        volatile Instant expires;
        volatile boolean lost;

        Sub(String id, List<String> ids, Instant expires) {
            this.id = id;
            this.ids = ids;
            this.expires = expires;
        }
    }

    @Inject
    GraphConfig config;

    @Inject
    GraphClients clients;

    @Inject
    PresencePoller poller;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final List<Sub> slots = new CopyOnWriteArrayList<>();
    private final Map<String, Sub> byId = new ConcurrentHashMap<>();
    private final AtomicBoolean syncing = new AtomicBoolean();
    private volatile GraphClients.Connection delegated;
    private volatile String lastError;
    private ExecutorService worker;

    public boolean enabled() {
        return config.subscriptions().enabled() && poller.isRunning();
    }

    /** At start: refuses an incomplete configuration, naming the missing keys. */
    void start() {
        GraphConfig.Subscriptions s = config.subscriptions();
        List<String> missing = new ArrayList<>();
        if (s.notificationUrl().isEmpty()) {
            missing.add("notification-url");
        }
        if (s.clientState().isEmpty()) {
            missing.add("client-state");
        }
        if (s.username().isEmpty() || s.password().isEmpty()) {
            missing.add("username and password");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("gateway.graph.subscriptions.enabled needs gateway.graph.subscriptions."
                    + String.join(", ", missing));
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "graph-subscriptions");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("gateway.graph.subscriptions", slots, l -> l.stream().filter(x -> !x.lost).count())
                .register(registry);
    }

    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Brings the subscriptions in line with the users this node polls (in the background; one run at a time). */
    void syncSoon(List<String> entraIds) {
        if (worker != null && syncing.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    sync(entraIds);
                } finally {
                    syncing.set(false);
                }
            });
        }
    }

    int active() {
        return (int) slots.stream().filter(s -> !s.lost).count();
    }

    String lastError() {
        return lastError;
    }

    private void sync(List<String> entraIds) {
        try {
            if (delegated == null) {
                delegated = clients.delegated();
            }
            List<List<String>> chunks = PollPlan.batches(entraIds.stream().sorted().toList(), GraphPresence.MAX_IDS);
            Instant now = clock.instant();
            for (int i = 0; i < chunks.size(); i++) {
                Sub sub = i < slots.size() ? slots.get(i) : null;
                if (sub == null || sub.lost || !sub.ids.equals(chunks.get(i))) {
                    if (sub != null && !sub.lost) {
                        delete(sub);
                    }
                    put(i, create(chunks.get(i), now));
                } else if (!now.isBefore(sub.expires.minus(config.subscriptions().renewBefore()))) {
                    renew(sub, now, i);
                }
            }
            while (slots.size() > chunks.size()) {
                Sub extra = slots.remove(slots.size() - 1);
                byId.remove(extra.id);
                delete(extra);
            }
            lastError = null;
        } catch (GraphFailure failure) {
            lastError = failure.getMessage();
            LOG.warnf("Graph subscriptions: %s; polling goes on, trying again later", failure.getMessage());
        } catch (RuntimeException e) {
            lastError = RenewableCredential.describe(e);
            LOG.warnf("Graph subscriptions failed: %s", lastError);
        }
    }

    private Sub create(List<String> ids, Instant now) throws GraphFailure {
        Subscription body = new Subscription();
        body.setChangeType("updated");
        body.setNotificationUrl(config.subscriptions().notificationUrl().orElseThrow());
        body.setLifecycleNotificationUrl(config.subscriptions().notificationUrl().orElseThrow());
        body.setResource("/communications/presences?$filter=id in ("
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")");
        Instant expires = now.plus(config.subscriptions().lifetime());
        body.setExpirationDateTime(OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
        body.setClientState(config.subscriptions().clientState().orElseThrow());
        Subscription created = request("create",
                () -> delegated.graph().subscriptions().post(body));
        return new Sub(created.getId(), ids, expires);
    }

    private void renew(Sub sub, Instant now, int slot) throws GraphFailure {
        Subscription body = new Subscription();
        Instant expires = now.plus(config.subscriptions().lifetime());
        body.setExpirationDateTime(OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
        try {
            request("renew", () -> delegated.graph().subscriptions().bySubscriptionId(sub.id).patch(body));
            sub.expires = expires;
        } catch (GraphFailure failure) {
            if (failure.status() != 404) {
                throw failure;
            }
            LOG.infof("Graph subscription %s is gone; creating it again", sub.id);
            byId.remove(sub.id);
            put(slot, create(sub.ids, now));
        }
    }

    private void delete(Sub sub) {
        byId.remove(sub.id);
        try {
            request("delete", () -> {
                delegated.graph().subscriptions().bySubscriptionId(sub.id).delete();
                return null;
            });
        } catch (GraphFailure failure) {
            LOG.debugf("deleting subscription %s: %s (it expires by itself)", sub.id, failure.getMessage());
        }
    }

    private void put(int slot, Sub sub) {
        if (slot < slots.size()) {
            slots.set(slot, sub);
        } else {
            slots.add(sub);
        }
        byId.put(sub.id, sub);
    }

    private <T> T request(String what, java.util.function.Supplier<T> call) throws GraphFailure {
        try {
            T result = GraphCalls.call(delegated.credential(), call);
            registry.counter("gateway.graph.requests", "kind", "subscription-" + what, "outcome", "ok").increment();
            return result;
        } catch (GraphFailure failure) {
            registry.counter("gateway.graph.requests", "kind", "subscription-" + what, "outcome", failure.outcome())
                    .increment();
            throw failure;
        }
    }

    /** Handles one delivery: checks each notification's client state and subscription, then reads the presences. */
    void receive(GraphNotifications notifications) {
        Set<String> read = new LinkedHashSet<>();
        List<GraphNotifications.Item> items = notifications.value() == null ? List.of() : notifications.value();
        for (GraphNotifications.Item item : items) {
            Sub sub = item.subscriptionId() == null ? null : byId.get(item.subscriptionId());
            if (!sameSecret(item.clientState())) {
                count("rejected");
            } else if (sub == null) {
                count("unknown-subscription");
            } else if (item.lifecycleEvent() != null) {
                count("lifecycle");
                lifecycle(item.lifecycleEvent(), sub, read);
            } else if (item.userId() != null && sub.ids.contains(item.userId().toLowerCase(java.util.Locale.ROOT))) {
                count("accepted");
                read.add(item.userId());
            } else {
                count("unknown-user");
            }
        }
        if (!read.isEmpty()) {
            poller.readNow(new ArrayList<>(read));
        }
    }

    private void lifecycle(String event, Sub sub, Set<String> read) {
        switch (event) {
            case "subscriptionRemoved" -> {
                sub.lost = true; // the next sync creates it again
                read.addAll(sub.ids);
            }
            case "missed" -> read.addAll(sub.ids);
            case "reauthorizationRequired" -> sub.expires = clock.instant(); // renewed at the next sync
            default -> LOG.debugf("lifecycle event %s ignored", event);
        }
    }

    private void count(String result) {
        registry.counter("gateway.graph.notifications", "result", result).increment();
    }

    private boolean sameSecret(String given) {
        String expected = config.subscriptions().clientState().orElse(null);
        return given != null && expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
