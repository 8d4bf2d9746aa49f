package io.profilegateway.trigger.teams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Recomputes what this node polls: renews its leases, reads the watched users from the database, looks up the Entra
 * ids of users who have none (by e-mail, in bulk, outside any transaction) and stores them, hands the users to the
 * tracker and plans batches and interval.
 */
final class RosterRefresher {

    private static final Logger LOG = Logger.getLogger(RosterRefresher.class);

    private final GraphConfig config;
    private final TeamsRoster roster;
    private final PollLeases leases;
    private final GraphPresence graph;
    private final MeetingTracker tracker;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String nodeId;
    private final Duration configuredInterval;
    private final Map<Long, Instant> notFoundUntil = new ConcurrentHashMap<>();

    RosterRefresher(GraphConfig config, TeamsRoster roster, PollLeases leases, GraphPresence graph,
            MeetingTracker tracker, MeterRegistry registry, Clock clock, String nodeId) {
        this.config = config;
        this.roster = roster;
        this.leases = leases;
        this.graph = graph;
        this.tracker = tracker;
        this.registry = registry;
        this.clock = clock;
        this.nodeId = nodeId;
        this.configuredInterval = config.subscriptions().enabled() ? config.subscriptions().reconcileInterval()
                : config.pollInterval();
    }

    String nodeId() {
        return nodeId;
    }

    Duration configuredInterval() {
        return configuredInterval;
    }

    PollTargets refresh() {
        Instant now = clock.instant();
        PollLeases.Holding holding = leases.renew(nodeId, now, config.leaseDuration());
        List<Watch> all = roster.load(config.meetingActivities());
        List<Watch> mine = new ArrayList<>();
        int knownIds = 0;
        for (Watch w : all) {
            if (holding.shards().contains(PollLease.shardOf(w.userId()))) {
                mine.add(w);
            } else if (w.entraId() != null) {
                knownIds++;
            }
        }
        mine = withLookedUpIds(mine, now);
        Map<String, Long> userByEntraId = new TreeMap<>();
        List<Watch> pollable = new ArrayList<>();
        for (Watch w : mine) {
            if (w.entraId() != null && userByEntraId.putIfAbsent(w.entraId(), w.userId()) == null) {
                pollable.add(w);
            }
        }
        tracker.update(pollable);
        Duration interval = PollPlan.interval(configuredInterval, knownIds + pollable.size(), holding.liveNodes(),
                config.throttleLimit(), config.throttleWindow(), config.throttleShare(), 1);
        List<List<String>> batches = PollPlan.batches(new ArrayList<>(userByEntraId.keySet()), GraphPresence.MAX_IDS);
        return new PollTargets(batches, Map.copyOf(userByEntraId), interval, mine.size(), holding.shards().size(),
                holding.liveNodes());
    }

    /** Looks up users without an Entra id by e-mail / UPN; found ids are stored, unknown addresses wait a while. */
    private List<Watch> withLookedUpIds(List<Watch> watches, Instant now) {
        Map<String, Watch> byAddress = new HashMap<>();
        for (Watch w : watches) {
            if (w.entraId() == null && w.email() != null
                    && !now.isBefore(notFoundUntil.getOrDefault(w.userId(), Instant.EPOCH))) {
                byAddress.put(w.email().toLowerCase(Locale.ROOT), w);
            }
        }
        if (byAddress.isEmpty()) {
            return watches;
        }
        Map<String, String> found;
        try {
            found = graph.idsByAddress(new ArrayList<>(byAddress.keySet()));
            registry.counter("gateway.graph.requests", "kind", "users", "outcome", "ok").increment();
        } catch (GraphFailure failure) {
            registry.counter("gateway.graph.requests", "kind", "users", "outcome", failure.outcome()).increment();
            LOG.warnf("Looking up Entra ids by e-mail failed: %s", failure.getMessage());
            return watches;
        }
        Map<Long, String> store = new HashMap<>();
        byAddress.forEach((address, w) -> {
            String id = found.get(address);
            if (id == null) {
                notFoundUntil.put(w.userId(), now.plus(config.lookupRetry()));
            } else {
                store.put(w.userId(), id.toLowerCase(Locale.ROOT));
            }
        });
        if (!store.isEmpty()) {
            roster.storeEntraIds(store);
            LOG.infof("Matched %d users to Entra ids by e-mail", store.size());
        }
        return watches.stream().map(w -> store.containsKey(w.userId()) ? w.withEntraId(store.get(w.userId())) : w)
                .toList();
    }
}
