package io.profilegateway.testing;

import io.profilegateway.switching.ProfileSwitched;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@link ProfileSwitched} delivered after a commit, as the PBX reconciler will receive them. */
@ApplicationScoped
public class SwitchEvents {

    private final List<ProfileSwitched> received = new CopyOnWriteArrayList<>();

    void onSwitched(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileSwitched event) {
        received.add(event);
    }

    public List<ProfileSwitched> forUser(long userId) {
        return received.stream().filter(e -> e.userId() == userId).toList();
    }
}
