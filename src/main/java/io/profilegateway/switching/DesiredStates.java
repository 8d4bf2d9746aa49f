package io.profilegateway.switching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Every PBX user's desired state, read in bulk for a full reconcile. */
@ApplicationScoped
public class DesiredStates {

    /** One PBX user's desired state and the server he lives on (null = the default). */
    public record Entry(long userId, String server, DesiredPbxState state) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Entry> all() {
        List<UserState> states = UserState.getEntityManager().createQuery(
                "select s from UserState s join fetch s.user u join fetch s.activeProfile "
                        + "left join fetch s.workplace where u.extension is not null order by s.userId",
                UserState.class).getResultList();
        return states.stream().map(s -> new Entry(s.userId, s.user.pbxServer, DesiredPbxState.of(s))).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<Entry> byExtension(String extension) {
        return UserState.<UserState>find("user.extension", extension).firstResultOptional()
                .map(s -> new Entry(s.userId, s.user.pbxServer, DesiredPbxState.of(s)));
    }
}
