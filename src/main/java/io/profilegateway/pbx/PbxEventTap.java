package io.profilegateway.pbx;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every event of every AMI link this node holds, for features beside the reconciler (e.g. Teams presence from the
 * PBX's device states). Listeners run on asterisk-java's event thread: they must only hand the event off.
 */
@ApplicationScoped
public class PbxEventTap {

    private final List<Consumer<PbxEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener for the events of all links, present and future. */
    public void listen(Consumer<PbxEvent> listener) {
        listeners.add(listener);
    }

    void publish(PbxEvent event) {
        for (Consumer<PbxEvent> listener : listeners) {
            listener.accept(event);
        }
    }
}
