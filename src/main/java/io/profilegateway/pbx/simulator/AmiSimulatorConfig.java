package io.profilegateway.pbx.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link AmiSimulator} is set up: where it listens, who may log in, which queues and hints exist, what version
 * it claims and how it behaves on a failed login. Immutable; build with {@link #builder()}.
 */
public final class AmiSimulatorConfig {

    /**
     * A dialplan hint, e.g. {@code exten => 1001,hint,Custom:DND1001,CustomPresence:1001} in context {@code default}.
     *
     * @param exten   the extension
     * @param context the context
     * @param hint    the hint text: devices joined by {@code &}, then optionally {@code ,} and a presence provider
     */
    public record Hint(String exten, String context, String hint) {

        /**
         * Validates the hint.
         *
         * @param exten   extension, not empty
         * @param context context, not empty
         * @param hint    hint text, not null
         */
        public Hint {
            if (exten == null || exten.isEmpty() || context == null || context.isEmpty()) {
                throw new IllegalArgumentException("A hint needs an extension and a context");
            }
            Objects.requireNonNull(hint, "hint");
        }
    }

    private final String bindAddress;
    private final int port;
    private final Map<String, String> users;
    private final List<String> queues;
    private final boolean anyQueue;
    private final List<Hint> hints;
    private final String asteriskVersion;
    private final String amiVersion;
    private final String versionLine;
    private final Duration authFailureDelay;
    private final int actionLogCapacity;
    private final DeviceState defaultDeviceState;

    private AmiSimulatorConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
        this.queues = List.copyOf(b.queues);
        this.anyQueue = b.anyQueue;
        this.hints = List.copyOf(b.hints);
        this.asteriskVersion = b.asteriskVersion;
        this.amiVersion = b.amiVersion;
        this.versionLine = b.versionLine != null ? b.versionLine
                : "Asterisk " + b.asteriskVersion + " built by root @ ami-simulator on a x86_64 running Linux on "
                        + "2026-01-01 00:00:00 UTC";
        this.authFailureDelay = b.authFailureDelay;
        this.actionLogCapacity = b.actionLogCapacity;
        this.defaultDeviceState = b.defaultDeviceState;
    }

    /** @return a builder with the defaults: 127.0.0.1, a free port, no users, no queues, Asterisk 22.10.1 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address to listen on */
    public String bindAddress() {
        return bindAddress;
    }

    /** @return the port to listen on; 0 picks a free one */
    public int port() {
        return port;
    }

    /** @return user name (lower case) to secret */
    public Map<String, String> users() {
        return users;
    }

    /** @return the queue names, in the order {@code QueueStatus} lists them */
    public List<String> queues() {
        return queues;
    }

    /** @return whether {@code QueueAdd} creates unknown queues */
    public boolean acceptsAnyQueue() {
        return anyQueue;
    }

    /** @return the dialplan hints */
    public List<Hint> hints() {
        return hints;
    }

    /** @return the Asterisk version, e.g. {@code 22.10.1} */
    public String asteriskVersion() {
        return asteriskVersion;
    }

    /** @return the AMI protocol version, e.g. {@code 11.0.0} */
    public String amiVersion() {
        return amiVersion;
    }

    /** @return the line {@code core show version} prints */
    public String versionLine() {
        return versionLine;
    }

    /** @return how long a failed login waits before its error answer (Asterisk: one second) */
    public Duration authFailureDelay() {
        return authFailureDelay;
    }

    /** @return how many received actions the log keeps (the oldest are dropped first) */
    public int actionLogCapacity() {
        return actionLogCapacity;
    }

    /** @return the device state of devices the simulator knows nothing about (not {@code Custom:}) */
    public DeviceState defaultDeviceState() {
        return defaultDeviceState;
    }

    /** Builds an {@link AmiSimulatorConfig}. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private final Map<String, String> users = new LinkedHashMap<>();
        private final List<String> queues = new ArrayList<>();
        private boolean anyQueue;
        private final List<Hint> hints = new ArrayList<>();
        private String asteriskVersion = "22.10.1";
        private String amiVersion = "11.0.0";
        private String versionLine;
        private Duration authFailureDelay = Duration.ofSeconds(1);
        private int actionLogCapacity = 100_000;
        private DeviceState defaultDeviceState = DeviceState.INVALID;

        private Builder() {
        }

        /**
         * @param bindAddress the address to listen on (default {@code 127.0.0.1})
         * @return this builder
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /**
         * @param port the port to listen on; 0 (the default) picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Adds an AMI user with read and write rights for everything. User names are matched case-insensitively, as
         * in Asterisk.
         *
         * @param username the user name
         * @param secret   the secret
         * @return this builder
         */
        public Builder user(String username, String secret) {
            if (username == null || username.isEmpty()) {
                throw new IllegalArgumentException("username must not be empty");
            }
            users.put(username.toLowerCase(Locale.ROOT), Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /**
         * Adds queues (strategy {@code ringall}); actions on any other queue fail as in Asterisk.
         *
         * @param names queue names
         * @return this builder
         */
        public Builder queues(String... names) {
            for (String n : names) {
                if (n == null || n.isEmpty()) {
                    throw new IllegalArgumentException("queue name must not be empty");
                }
                queues.add(n);
            }
            return this;
        }

        /**
         * Lets {@code QueueAdd} create a queue it does not know yet (for dev mode, where teams are created freely);
         * real Asterisk, and the simulator without this, answer "No such queue".
         *
         * @return this builder
         */
        public Builder acceptAnyQueue() {
            anyQueue = true;
            return this;
        }

        /**
         * Adds a dialplan hint.
         *
         * @param exten   extension, e.g. {@code 1001}
         * @param context context, e.g. {@code default}
         * @param hint    e.g. {@code Custom:DND1001,CustomPresence:1001}
         * @return this builder
         */
        public Builder hint(String exten, String context, String hint) {
            hints.add(new Hint(exten, context, hint));
            return this;
        }

        /**
         * @param version the Asterisk version reported by {@code CoreSettings} (default {@code 22.10.1})
         * @return this builder
         */
        public Builder asteriskVersion(String version) {
            this.asteriskVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param version the AMI version in the banner and {@code CoreSettings} (default {@code 11.0.0})
         * @return this builder
         */
        public Builder amiVersion(String version) {
            this.amiVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param line the output of {@code core show version}, starting {@code Asterisk <version> built by ...}
         * @return this builder
         */
        public Builder versionLine(String line) {
            this.versionLine = Objects.requireNonNull(line, "line");
            return this;
        }

        /**
         * @param delay how long a failed login waits before the error answer; Asterisk waits one second (the
         *              default), tests may use {@link Duration#ZERO}
         * @return this builder
         */
        public Builder authFailureDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            this.authFailureDelay = delay;
            return this;
        }

        /**
         * @param capacity how many received actions the action log keeps (default 100,000; 0 keeps none)
         * @return this builder
         */
        public Builder actionLogCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity must not be negative");
            }
            this.actionLogCapacity = capacity;
            return this;
        }

        /**
         * @param state the state of devices nothing was set for, other than {@code Custom:} ones (default
         *              {@link DeviceState#INVALID}, as Asterisk reports a {@code Local/} interface whose dialplan
         *              does not exist)
         * @return this builder
         */
        public Builder defaultDeviceState(DeviceState state) {
            this.defaultDeviceState = Objects.requireNonNull(state, "state");
            return this;
        }

        /** @return the configuration */
        public AmiSimulatorConfig build() {
            return new AmiSimulatorConfig(this);
        }
    }
}
