package io.profilegateway.pbx.simulator;

/**
 * Where the simulated PBX sends its manager events; the simulator delivers them to every session whose event mask
 * takes the event's class.
 */
interface EventSink {

    /**
     * Publishes an event. Called with the PBX lock held, so events leave in the order the state changed; must not
     * block.
     *
     * @param category the event class
     * @param event    the event, with its {@code Event} and {@code Privilege} headers
     */
    void publish(EventCategory category, AmiMessage event);

    /** A sink that drops every event. */
    EventSink NONE = (category, event) -> { };
}
