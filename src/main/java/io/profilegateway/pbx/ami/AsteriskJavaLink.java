package io.profilegateway.pbx.ami;

import io.profilegateway.pbx.AmiCommand;
import io.profilegateway.pbx.AmiConfig;
import io.profilegateway.pbx.AmiLink;
import io.profilegateway.pbx.AmiReply;
import io.profilegateway.pbx.DbKey;
import io.profilegateway.pbx.PbxEvent;
import io.profilegateway.pbx.QueueSeat;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.event.EndpointList;
import org.asteriskjava.manager.event.EndpointDetail;
import org.asteriskjava.manager.action.PJSipShowEndpointsAction;
import org.asteriskjava.manager.action.PJSipShowEndpointAction;
import io.profilegateway.pbx.PjsipEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;

/**
 * {@link AmiLink} over asterisk-java {@link ManagerConnection}s: {@code gateway.ami.connections} lanes to the same
 * server, because one connection's reader thread (which parses every answer by reflection) caps what one connection
 * carries. Commands with the same order key always take the same lane, so they reach Asterisk in the order sent.
 * Commands go out with the asynchronous {@code sendAction(action, callback)}, so many are in flight at once; every
 * one gets exactly one reply: Asterisk's, or a failure when a lane drops or no answer comes within the response
 * timeout. The link counts as connected only while every lane is. Events (heard on the first lane only) are
 * translated into {@link PbxEvent}s on asterisk-java's thread; listeners must hand them off.
 */
public final class AsteriskJavaLink implements AmiLink {

    private static final Logger LOG = Logger.getLogger(AsteriskJavaLink.class);

    private final String server;
    private final List<AmiLane> lanes = new ArrayList<>();
    private final ManagerConnection connection;
    private final Duration responseTimeout;
    private final Duration readTimeout;
    private final List<Consumer<PbxEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile boolean closed;
    private volatile boolean everConnected;
    /** Set once Asterisk refused the {@code Command} action (the AMI user lacks {@code write = command}). */
    private volatile boolean commandRefused;
    /** Set once a {@code DeviceStateList} failed (told once). */
    private volatile boolean deviceStateListRefused;

    private record Pending(long deadline, Consumer<AmiReply> callback, AtomicBoolean done) {
        void complete(AmiReply reply) {
            if (done.compareAndSet(false, true)) {
                callback.accept(reply);
            }
        }
    }

    public AsteriskJavaLink(String server, AmiConfig.Server address, AmiConfig config,
            ScheduledExecutorService timer) {
        this.server = server;
        this.responseTimeout = config.responseTimeout();
        this.readTimeout = config.fullReconcileTimeout();
        this.timer = timer;
        AsteriskJavaLog.install();
        lanes.add(new AmiLane(address, config, true, this::onManagerEvent));
        for (int i = 1; i < config.connections(); i++) {
            lanes.add(new AmiLane(address, config, false, this::onLaneEvent));
        }
        connection = lanes.get(0).connection();
        timer.scheduleWithFixedDelay(this::expireOverdue, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Logs in, retrying until it succeeds or the link is closed; asterisk-java reconnects by itself afterwards. A login
     * that Asterisk refuses (wrong user or secret) before the link was ever up is not retried: {@code refused} hears of
     * it with the server's name and Asterisk's answer.
     */
    public void connectInBackground(Duration retry, BiConsumer<String, String> refused) {
        timer.execute(() -> connect(retry, refused));
    }

    private void connect(Duration retry, BiConsumer<String, String> refused) {
        if (closed) {
            return;
        }
        try {
            for (AmiLane lane : lanes) {
                lane.login();
            }
            everConnected = true;
            LOG.infof("AMI %s: connected to %s:%d (%s) with %d connection(s)", server, connection.getHostname(),
                    connection.getPort(), connection.getVersion(), lanes.size());
            publish(new PbxEvent.Connected(server));
            listDeviceStates();
        } catch (AuthenticationFailedException e) {
            if (!everConnected) {
                refused.accept(server, e.getMessage());
                return;
            }
            retryLater(retry, refused, e);
        } catch (Exception e) {
            retryLater(retry, refused, e);
        }
    }

    private void retryLater(Duration retry, BiConsumer<String, String> refused, Exception e) {
        LOG.warnf("AMI %s: cannot log in to %s:%d (%s); retrying in %d s", server, connection.getHostname(),
                connection.getPort(), e.getMessage(), retry.toSeconds());
        timer.schedule(() -> connect(retry, refused), retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public boolean isConnected() {
        for (AmiLane lane : lanes) {
            if (!lane.isConnected()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void send(Object orderKey, AmiCommand command, Consumer<AmiReply> onReply) {
        AmiLane lane = lanes.get(Math.floorMod(orderKey.hashCode(), lanes.size()));
        long id = sequence.incrementAndGet();
        Pending entry = new Pending(System.nanoTime() + responseTimeout.toNanos(), onReply, new AtomicBoolean());
        pending.put(id, entry);
        try {
            lane.send(command.toAction(), response -> {
                pending.remove(id);
                entry.complete(reply(response));
            });
        } catch (Exception e) {
            pending.remove(id);
            entry.complete(AmiReply.failed("not sent: " + (isConnected() ? e.getMessage() : "no AMI connection")));
        }
    }

    /**
     * Reads a family with one {@code Command: database show <family>}: one answer for the whole family, where
     * {@code DBGetTree} sends one event per entry (10,000 users: about 80,000 events, each parsed by reflection on a
     * cold JVM, on the path to readiness). An AMI user without the {@code command} write class (the sample
     * manager.conf grants none: it allows any CLI command) gets "Permission denied"; the link then reads with
     * {@code DBGetTree} from then on. A family with blanks in its name, which the CLI would split, is read with
     * {@code DBGetTree} too.
     */
    @Override
    public CompletionStage<Map<DbKey, String>> readTree(String family) {
        if (commandRefused || family.isBlank() || family.chars().anyMatch(Character::isWhitespace)) {
            return readTreeByEvents(family);
        }
        CompletableFuture<Map<DbKey, String>> result = new CompletableFuture<>();
        try {
            connection.sendAction(new CommandAction("database show " + family), response -> {
                if (response instanceof ManagerError error && isPermissionDenied(error)) {
                    commandRefused = true;
                    LOG.infof("AMI %s: the AMI user may not send Command (no write = command); reading AstDB with "
                            + "DBGetTree, one event per entry", server);
                    // sent from the timer, never from asterisk-java's reader thread that delivered this answer
                    timer.execute(() -> readTreeByEvents(family).whenComplete((tree, failure) -> {
                        if (failure != null) {
                            result.completeExceptionally(failure);
                        } else {
                            result.complete(tree);
                        }
                    }));
                    return;
                }
                try {
                    result.complete(listing(family, response));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        return within(result, "database show " + family);
    }

    private static boolean isPermissionDenied(ManagerError error) {
        return error.getMessage() != null && error.getMessage().toLowerCase().contains("permission denied");
    }

    private static Map<DbKey, String> listing(String family, ManagerResponse response) {
        if (response == null) {
            throw new IllegalStateException("database show " + family + ": no answer");
        }
        if (response instanceof ManagerError) {
            throw new IllegalStateException("database show " + family + ": " + response.getMessage());
        }
        if (!(response instanceof CommandResponse command) || command.getResult() == null) {
            throw new IllegalStateException("database show " + family + ": no command output");
        }
        return AstDbListing.parse(command.getResult());
    }

    private CompletionStage<Map<DbKey, String>> readTreeByEvents(String family) {
        CompletableFuture<Map<DbKey, String>> result = new CompletableFuture<>();
        try {
            connection.sendEventGeneratingAction(new DbGetTreeAction(family), events -> {
                try {
                    result.complete(tree(family, events));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        return within(result, "DBGetTree " + family);
    }

    /**
     * Fails the read if asterisk-java never calls back: it drops list entries and their completion event when its
     * event queue is full, and then leaves the action's callback waiting forever.
     */
    private <T> CompletableFuture<T> within(CompletableFuture<T> result, String what) {
        ScheduledFuture<?> giveUp = timer.schedule(() -> result.completeExceptionally(new TimeoutException(
                what + ": no complete answer within " + readTimeout.toMillis() + " ms")),
                readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((value, failure) -> giveUp.cancel(false));
        return result;
    }

    private static Map<DbKey, String> tree(String family, ResponseEvents events) {
        ManagerResponse response = events.getResponse();
        if (response instanceof ManagerError) {
            // an empty or missing family is "Database entry not found"
            if (response.getMessage() != null && response.getMessage().toLowerCase().contains("not found")) {
                return Map.of();
            }
            throw new IllegalStateException("DBGetTree " + family + ": " + response.getMessage());
        }
        if (response == null) {
            throw new IllegalStateException("DBGetTree " + family + ": no answer");
        }
        Map<DbKey, String> entries = new HashMap<>();
        events.getEvents().forEach(event -> {
            if (event instanceof DbGetTreeResponseEvent entry && entry.getKey() != null) {
                entries.put(DbKey.ofTreePath(entry.getKey()), entry.getVal() == null ? "" : entry.getVal());
            }
        });
        return entries;
    }

    /**
     * After every (re)connect: Asterisk's current device states ({@code DeviceStateList}), published as one
     * {@link PbxEvent.DeviceStatesListed}, so calls that started (or ended) while no link was there are seen. An
     * Asterisk that refuses the action (no {@code res_manager_devicestate}, or the AMI user lacks {@code read = call})
     * is told once; live changes still come.
     */
    private void listDeviceStates() {
        CompletableFuture<Map<String, String>> result = new CompletableFuture<>();
        try {
            connection.sendEventGeneratingAction(new DeviceStateListAction(), events -> {
                if (events.getResponse() == null || events.getResponse() instanceof ManagerError) {
                    result.completeExceptionally(new IllegalStateException(events.getResponse() == null
                            ? "no answer" : events.getResponse().getMessage()));
                    return;
                }
                Map<String, String> states = new HashMap<>();
                events.getEvents().forEach(event -> {
                    if (event instanceof DeviceStateChangeEvent entry && entry.getDevice() != null) {
                        states.put(entry.getDevice(), entry.getState() == null ? "UNKNOWN" : entry.getState());
                    }
                });
                result.complete(states);
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        within(result, "DeviceStateList").whenComplete((states, failure) -> {
            if (failure == null) {
                publish(new PbxEvent.DeviceStatesListed(server, Map.copyOf(states)));
            } else if (!deviceStateListRefused) {
                deviceStateListRefused = true;
                LOG.infof("AMI %s: Asterisk did not list its device states (%s): calls already running when the link"
                        + " came up are seen from their next change on", server, failure.getMessage());
            }
        });
    }

    /**
     * {@code PJSIPShowEndpoints} for the endpoints and their AORs, then {@code PJSIPShowEndpoint} for each one's
     * callerid, {@value #DETAILS_IN_FLIGHT} at a time; every action is sent from the timer thread, never from
     * asterisk-java's reader thread that delivered the answer before.
     */
    @Override
    public CompletionStage<List<PjsipEndpoint>> readEndpoints() {
        CompletableFuture<List<EndpointList>> listed = new CompletableFuture<>();
        try {
            connection.sendEventGeneratingAction(new PJSipShowEndpointsAction(), events -> {
                ManagerResponse response = events.getResponse();
                if (response instanceof ManagerError error) {
                    if (error.getMessage() != null && error.getMessage().toLowerCase().contains("no endpoints")) {
                        listed.complete(List.of());
                    } else {
                        listed.completeExceptionally(new IllegalStateException("PJSIPShowEndpoints: "
                                + error.getMessage()));
                    }
                    return;
                }
                if (response == null) {
                    listed.completeExceptionally(new IllegalStateException("PJSIPShowEndpoints: no answer"));
                    return;
                }
                listed.complete(events.getEvents().stream().filter(EndpointList.class::isInstance)
                        .map(EndpointList.class::cast).filter(e -> e.getObjectName() != null).toList());
            });
        } catch (Exception e) {
            listed.completeExceptionally(e);
        }
        return within(listed, "PJSIPShowEndpoints").thenComposeAsync(this::withCallerIds, timer);
    }

    static final int DETAILS_IN_FLIGHT = 8;

    private CompletionStage<List<PjsipEndpoint>> withCallerIds(List<EndpointList> endpoints) {
        String[] callerIds = new String[endpoints.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger open = new AtomicInteger(
                Math.min(DETAILS_IN_FLIGHT, endpoints.size()));
        CompletableFuture<List<PjsipEndpoint>> result = new CompletableFuture<>();
        Runnable finish = () -> {
            List<PjsipEndpoint> all = new ArrayList<>();
            for (int i = 0; i < endpoints.size(); i++) {
                EndpointList e = endpoints.get(i);
                List<String> aors = e.getAor() == null || e.getAor().isBlank() ? List.of()
                        : Arrays.stream(e.getAor().split(",")).map(String::trim).filter(a -> !a.isEmpty())
                                .toList();
                all.add(new PjsipEndpoint(e.getObjectName(), aors, callerIds[i]));
            }
            result.complete(all);
        };
        if (endpoints.isEmpty()) {
            finish.run();
            return result;
        }
        for (int lane = 0; lane < open.get(); lane++) {
            detailNext(endpoints, callerIds, next, open, result, finish);
        }
        return within(result, "PJSIPShowEndpoint");
    }

    private void detailNext(List<EndpointList> endpoints, String[] callerIds,
            AtomicInteger next, AtomicInteger open,
            CompletableFuture<List<PjsipEndpoint>> result, Runnable finish) {
        int index = next.getAndIncrement();
        if (result.isDone()) {
            return;
        }
        if (index >= endpoints.size()) {
            if (open.decrementAndGet() == 0) {
                finish.run();
            }
            return;
        }
        PJSipShowEndpointAction action = new PJSipShowEndpointAction();
        action.setEndpoint(endpoints.get(index).getObjectName());
        try {
            connection.sendEventGeneratingAction(action, events -> {
                if (events.getResponse() instanceof ManagerError error) {
                    result.completeExceptionally(new IllegalStateException("PJSIPShowEndpoint "
                            + action.getEndpoint() + ": " + error.getMessage()));
                    return;
                }
                events.getEvents().stream().filter(EndpointDetail.class::isInstance).map(EndpointDetail.class::cast)
                        .findFirst().ifPresent(detail -> callerIds[index] = detail.getCallerid());
                timer.execute(() -> detailNext(endpoints, callerIds, next, open, result, finish));
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<Map<String, Map<String, QueueSeat>>> readQueues() {
        CompletableFuture<Map<String, Map<String, QueueSeat>>> result = new CompletableFuture<>();
        try {
            connection.sendEventGeneratingAction(new QueueStatusAction(), events -> {
                if (events.getResponse() == null || events.getResponse() instanceof ManagerError) {
                    result.completeExceptionally(new IllegalStateException("QueueStatus: "
                            + (events.getResponse() == null ? "no answer" : events.getResponse().getMessage())));
                    return;
                }
                Map<String, Map<String, QueueSeat>> queues = new HashMap<>();
                events.getEvents().forEach(event -> {
                    if (event instanceof QueueMemberEvent member) {
                        String location = member.getLocation() != null ? member.getLocation() : member.getInterface();
                        queues.computeIfAbsent(member.getQueue(), q -> new HashMap<>()).put(location,
                                new QueueSeat(member.getPenalty() == null ? 0 : member.getPenalty(),
                                        Boolean.TRUE.equals(member.getPaused()), member.getPausedreason()));
                    }
                });
                result.complete(queues);
            });
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        return within(result, "QueueStatus");
    }

    @Override
    public void onEvent(Consumer<PbxEvent> listener) {
        listeners.add(listener);
    }

    /** A sending lane: only its connection's state matters. */
    private void onLaneEvent(ManagerEvent event) {
        if (event instanceof ConnectEvent || event instanceof DisconnectEvent) {
            onManagerEvent(event);
        }
    }

    private void onManagerEvent(ManagerEvent event) {
        if (event instanceof ConnectEvent) {
            if (everConnected) {
                // a reconnect: asterisk-java logs in again; announce it once it may send
                timer.execute(this::announceWhenLoggedIn);
            }
        } else if (event instanceof DisconnectEvent) {
            // first the news, then the answers that will never come: the reconciler then knows they are stale
            publish(new PbxEvent.Disconnected(server));
            failAllPending("AMI connection lost");
        } else if (event instanceof QueueMemberPauseEvent pause) {
            publish(new PbxEvent.MemberPaused(server, pause.getQueue(), pause.getInterface(),
                    Boolean.TRUE.equals(pause.getPaused()), pause.getPausedreason()));
        } else if (event instanceof QueueMemberAddedEvent added) {
            publish(new PbxEvent.MemberAdded(server, added.getQueue(), added.getInterface(),
                    added.getPenalty() == null ? 0 : added.getPenalty(), Boolean.TRUE.equals(added.getPaused()),
                    added.getPausedReason()));
        } else if (event instanceof QueueMemberRemovedEvent removed) {
            publish(new PbxEvent.MemberRemoved(server, removed.getQueue(), removed.getInterface()));
        } else if (event instanceof PresenceStateChangeEvent presence) {
            publish(new PbxEvent.PresenceChanged(server, presence.getPresentity(), presence.getStatus(),
                    presence.getMessage()));
        } else if (event instanceof CallForwardEvent forward) {
            Map<String, String> headers = new HashMap<>();
            headers.put("Extension", forward.getExtension());
            headers.put("Kind", forward.getKind());
            headers.put("Target", forward.getTarget() == null ? "" : forward.getTarget());
            headers.values().removeIf(java.util.Objects::isNull);
            publish(new PbxEvent.UserEventReceived(server, "CallForward", headers));
        } else if (event instanceof DeviceStateChangeEvent change && !change.isListed()) {
            publish(new PbxEvent.DeviceStateChanged(server, change.getDevice(), change.getState()));
        } else if (event instanceof ProfileSwitchEvent request) {
            Map<String, String> headers = new HashMap<>();
            if (request.getExtension() != null) {
                headers.put("Extension", request.getExtension());
            }
            if (request.getProfile() != null) {
                headers.put("Profile", request.getProfile());
            }
            publish(new PbxEvent.UserEventReceived(server, "ProfileSwitch", headers));
        }
    }

    private void announceWhenLoggedIn() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!closed && !isConnected() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (isConnected()) {
            LOG.infof("AMI %s: reconnected", server);
            publish(new PbxEvent.Connected(server));
            listDeviceStates();
        }
    }

    private void publish(PbxEvent event) {
        for (Consumer<PbxEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "AMI %s: event listener failed", server);
            }
        }
    }

    private void expireOverdue() {
        AsteriskJavaLog.reportDropped(10_000);
        long now = System.nanoTime();
        pending.entrySet().removeIf(entry -> {
            if (now - entry.getValue().deadline() > 0) {
                entry.getValue().complete(AmiReply.failed("no answer within " + responseTimeout.toMillis() + " ms"));
                return true;
            }
            return false;
        });
    }

    private void failAllPending(String reason) {
        pending.values().forEach(entry -> entry.complete(AmiReply.failed(reason)));
        pending.clear();
    }

    private static AmiReply reply(ManagerResponse response) {
        if (response == null) {
            return AmiReply.failed("AMI connection lost before the answer"); // asterisk-java's signal on a drop
        }
        if (response instanceof ManagerError) {
            return AmiReply.error(response.getMessage());
        }
        return AmiReply.ok(response.getMessage());
    }

    @Override
    public void close() {
        closed = true;
        failAllPending("AMI link closed");
        for (AmiLane lane : lanes) {
            try {
                lane.close();
            } catch (RuntimeException e) {
                LOG.debugf("AMI %s: logoff failed: %s", server, e.getMessage());
            }
        }
    }
}
