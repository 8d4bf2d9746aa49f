package io.profilegateway.trigger.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gateway.graph.*}: the Entra ID application that reads Teams presence from Microsoft Graph, how often it
 * polls and what counts as a meeting. Without a tenant id the Teams trigger is off (health says "not configured").
 */
@ConfigMapping(prefix = "gateway.graph")
public interface GraphConfig {

    /** The Entra ID tenant (directory) id; unset = the Teams trigger is off. */
    Optional<String> tenantId();

    /** The application (client) id of the app registration. */
    Optional<String> clientId();

    /** The client secret; never logged nor shown. Give this or {@link #certificatePath()}. */
    Optional<String> clientSecret();

    /** A PEM file with the app's certificate and private key, instead of a client secret. */
    Optional<String> certificatePath();

    /** Graph's base URL including the version (tests point it at WireMock). */
    @WithDefault("https://graph.microsoft.com/v1.0")
    String baseUrl();

    /** Entra ID's authority host, where tokens come from; must be https. */
    @WithDefault("https://login.microsoftonline.com/")
    String authorityUrl();

    /** How often every polled user is read at most; raised automatically to stay inside the throttling budget. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Presence activities that count as "in a meeting" for triggers that name none. */
    @WithDefault("InACall,InAConferenceCall,InAMeeting,Presenting")
    Set<String> meetingActivities();

    /** After a Teams switch, a user is not switched again by Teams within this time (a flapping activity). */
    @WithDefault("5s")
    Duration holdDown();

    /** Graph's limit of presence requests per {@link #throttleWindow()}, per application and tenant. */
    @WithDefault("1500")
    int throttleLimit();

    /** The window of {@link #throttleLimit()}. */
    @WithDefault("30s")
    Duration throttleWindow();

    /** The share of the limit the gateway plans to use, all nodes together (the rest is the safety margin). */
    @WithDefault("0.8")
    double throttleShare();

    /** A Graph request without an answer within this time counts as failed (time-out). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** First pause after a failed poll (5xx, time-out, token endpoint down); doubles up to {@link #backoffMax()}. */
    @WithDefault("1s")
    Duration backoffInitial();

    /** Longest pause between two tries while Graph or the token endpoint fails. */
    @WithDefault("60s")
    Duration backoffMax();

    /** How often the set of polled users (profiles with a Teams trigger, their users) and the leases are renewed. */
    @WithDefault("10s")
    Duration rosterRefresh();

    /** How long a node's poll lease lasts without renewal; then another node takes its users over. */
    @WithDefault("30s")
    Duration leaseDuration();

    /** This node's name in the poll leases; unset = the host name and a random suffix. */
    Optional<String> nodeId();

    /** How long a user whose e-mail Graph did not know waits before being looked up again. */
    @WithDefault("10m")
    Duration lookupRetry();

    Subscriptions subscriptions();

    Publish publish();

    /** Teams presence from the PBX: a call or a DND profile sets the user's Teams presence (setPresence). */
    interface Publish {

        /** Set Teams presence from PBX calls and DND profiles (needs Presence.ReadWrite.All); needs a tenant. */
        @WithDefault("false")
        boolean enabled();

        /** The expirationDuration asked for each presence session; Graph allows PT5M to PT4H. */
        @WithDefault("1h")
        Duration expiration();

        /** A session still wanted is set again this long before it lapses. */
        @WithDefault("10m")
        Duration renewBefore();

        /** Whether a ringing device (not yet answered) already counts as "in a call". */
        @WithDefault("false")
        boolean ringing();

        /** The share of {@link GraphConfig#throttleLimit()} per window the presence writes may use. */
        @WithDefault("0.15")
        double throttleShare();

        /**
         * After a session is cleared, a poll that still reads exactly what the gateway set is taken as its own echo
         * for this long (Teams spreads presence with a delay).
         */
        @WithDefault("2m")
        Duration echoGrace();

        /** How often the set of users with an Entra id, their devices and profiles is read again. */
        @WithDefault("30s")
        Duration rosterRefresh();
    }

    /** Change notifications (push) in addition to a slow reconciliation poll. */
    interface Subscriptions {

        /** Subscribe to presence changes instead of polling at {@link GraphConfig#pollInterval()}. */
        @WithDefault("false")
        boolean enabled();

        /** This node's public HTTPS address of {@code POST /api/v1/graph/notifications}. */
        Optional<String> notificationUrl();

        /** The secret Graph echoes in every notification; never logged nor shown. */
        Optional<String> clientState();

        /** The delegated service account (subscriptions to presence need a delegated token). */
        Optional<String> username();

        /** Its password; never logged nor shown. */
        Optional<String> password();

        /** Lifetime asked for a subscription; Graph allows at most 60 minutes for presence. */
        @WithDefault("55m")
        Duration lifetime();

        /** A subscription is renewed this long before it expires. */
        @WithDefault("10m")
        Duration renewBefore();

        /** The slow poll that still runs while subscriptions deliver (notifications can stop silently). */
        @WithDefault("60s")
        Duration reconcileInterval();
    }
}
