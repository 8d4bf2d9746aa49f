package io.profilegateway.common;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Meters the gateway does not publish. Quarkus 3.34 binds Micrometer's Netty event-executor metrics twice, once for
 * Vert.x' event loops and once for its acceptor loop, and both register the untagged gauge
 * {@code netty.eventexecutor.workers} (a thread count that never changes): the second registration was refused with a
 * WARN at every start ("This Gauge has been already registered", quarkusio/quarkus#52014). Denying that one gauge keeps
 * the rest of the Netty metrics (pending tasks per loop, allocator memory) and the log clean.
 */
public class MeterFilters {

    static final String NETTY_WORKERS = "netty.eventexecutor.workers";

    @Produces
    @Singleton
    MeterFilter withoutDoubledNettyWorkers() {
        return MeterFilter.denyNameStartsWith(NETTY_WORKERS);
    }
}
