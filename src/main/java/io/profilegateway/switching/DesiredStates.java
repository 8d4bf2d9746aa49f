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

    /** The desired states of those of {@code userIds} who are PBX users, by user id. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Map<Long, Entry> byUserIds(java.util.Collection<Long> userIds) {
        java.util.Map<Long, Entry> found = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(userIds);
        for (int from = 0; from < ids.size(); from += 1_000) {
            UserState.getEntityManager().createQuery("select s from UserState s join fetch s.user u "
                    + "join fetch s.activeProfile left join fetch s.workplace "
                    + "where u.extension is not null and s.userId in :ids", UserState.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1_000))).getResultList()
                    .forEach(s -> found.put(s.userId, new Entry(s.userId, s.user.pbxServer, DesiredPbxState.of(s))));
        }
        return found;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<Entry> byExtension(String extension) {
        return UserState.<UserState>find("user.extension", extension).firstResultOptional()
                .map(s -> new Entry(s.userId, s.user.pbxServer, DesiredPbxState.of(s)));
    }
}
