package io.profilegateway.switching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/** Every PBX user's desired state, read in bulk for a full reconcile. */
@ApplicationScoped
public class DesiredStates {

    private static final Logger LOG = Logger.getLogger(DesiredStates.class);

    /** One PBX user's desired state and the server he lives on (null = the default). */
    public record Entry(long userId, String server, DesiredPbxState state) {
    }

    /**
     * Three queries whatever the number of users: the states with their users, devices, profiles and workplaces, then
     * their team seats into the same persistence context, then the teams. Read-only, so the commit checks nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Entry> all() {
        long began = System.nanoTime();
        var entityManager = UserState.getEntityManager();
        List<UserState> states = entityManager.createQuery(
                "select s from UserState s join fetch s.user u left join fetch u.devices join fetch s.activeProfile "
                        + "left join fetch s.workplace where u.extension is not null order by s.userId",
                UserState.class).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        entityManager.createQuery("select s from UserState s left join fetch s.teams m left join fetch m.team "
                + "where s.user.extension is not null", UserState.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        List<Entry> entries = states.stream()
                .map(s -> new Entry(s.userId, s.user.pbxServer, DesiredPbxState.of(s))).toList();
        LOG.debugf("Desired states of %d PBX user(s) read in %d ms", entries.size(),
                (System.nanoTime() - began) / 1_000_000);
        return entries;
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
