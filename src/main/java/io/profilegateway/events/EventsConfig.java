package io.profilegateway.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code gateway.events.*}: the live event stream ({@code GET /api/v1/events}). */
@ConfigMapping(prefix = "gateway.events")
public interface EventsConfig {

    /** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Events a client may have unsent before he is dropped (he reconnects with Last-Event-ID). */
    @WithDefault("256")
    int clientBuffer();

    /** How many recent events are kept for a client that reconnects with Last-Event-ID. */
    @WithDefault("10000")
    int replay();

    /** How long a client's view of his relationships is used before it is read again. */
    @WithDefault("60s")
    Duration relationsRefresh();

    /** How often the switches other nodes of a cluster committed are read (from the change log) and streamed here. */
    @WithDefault("250ms")
    Duration relayPoll();
}
