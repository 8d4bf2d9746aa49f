package io.profilegateway.pbx;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code gateway.ami.*}: the Asterisk servers, timings, and the names the gateway writes (FreePBX's by default). */
@ConfigMapping(prefix = "gateway.ami")
public interface AmiConfig {

    /** The Asterisk servers by name; a user's {@code pbxServer} names one, unset = {@link #defaultServer()}. */
    Map<String, Server> servers();

    /** The server of users without one of their own. */
    @WithDefault("main")
    String defaultServer();

    /** Time to wait for the response of one action before it counts as failed. */
    @WithDefault("10s")
    Duration responseTimeout();

    /**
     * AMI connections per server. The gateway's actions are spread over them by user (each user's actions stay in
     * order on one); events are heard on the first only. One connection's reader thread caps its throughput; more
     * help only where the gateway has idle cores (on the 2-core test box they gained nothing).
     */
    @WithDefault("1")
    int connections();

    /** How often a {@code Ping} keeps the link alive and proves it is. */
    @WithDefault("20s")
    Duration pingInterval();

    /** How often every user is compared with what Asterisk holds, besides on every (re)connect. */
    @WithDefault("15m")
    Duration reconcileInterval();

    /**
     * Longest a full reconcile may take to read what Asterisk holds (every AstDB family, every queue member); after it,
     * the run counts as failed and is tried again with backoff. Also the time-out of each single read.
     */
    @WithDefault("2m")
    Duration fullReconcileTimeout();

    /** First wait before a failed action is tried again; doubles on every failure. */
    @WithDefault("1s")
    Duration retryInitial();

    /** Longest wait between two tries of a failing action. */
    @WithDefault("60s")
    Duration retryMax();

    Names names();

    Simulator simulator();

    Cluster cluster();

    /** Several gateway nodes on one database (PostgreSQL): one node holds each server's AMI link at a time. */
    interface Cluster {
        /** This node's name in the link leases; unset = the host name and a random suffix. */
        Optional<String> nodeId();

        /**
         * How long a node's claim on a server's AMI link lasts without renewal (renewed every third of it): when a node
         * dies, another takes the link over within this time.
         */
        @WithDefault("10s")
        Duration leaseDuration();

        /** How often the link holder looks for desired-state changes committed by the other nodes. */
        @WithDefault("150ms")
        Duration changePoll();
    }

    interface Server {
        String host();

        @WithDefault("5038")
        int port();

        String username();

        /** Never logged and never shown by the API. */
        String secret();
    }

    /** What the gateway writes; {@code {ext}} is the extension, {@code {dev}} a device. */
    interface Names {
        @WithDefault("DND")
        String dndFamily();

        @WithDefault("CF")
        String cfFamily();

        @WithDefault("CFB")
        String cfbFamily();

        @WithDefault("CFU")
        String cfuFamily();

        @WithDefault("AMPUSER")
        String ampuserFamily();

        @WithDefault("DEVICE")
        String deviceFamily();

        @WithDefault("PROFILE")
        String profileFamily();

        @WithDefault("Local/{ext}@from-queue/n")
        String memberInterface();

        @WithDefault("hint:{ext}@ext-local")
        String stateInterface();

        @WithDefault("Custom:DND{ext}")
        String dndDeviceState();

        @WithDefault("Custom:CF{ext}")
        String cfDeviceState();

        @WithDefault("Custom:FOLLOWME{ext}")
        String followMeDeviceState();

        @WithDefault("CustomPresence:{ext}")
        String presenceProvider();
    }

    /** The in-process AMI simulator: for the dev profile and tests only, never in production. */
    interface Simulator {
        /** Start it when no server is configured ({@code %dev} and {@code %test} only). */
        @WithDefault("false")
        boolean enabled();

        /** Its port; 0 = any free port. */
        @WithDefault("0")
        int port();

        /** Queues it knows (Asterisk refuses members of unknown queues). */
        Optional<java.util.List<String>> queues();
    }
}
