package io.profilegateway.trigger;

import io.profilegateway.directory.user.User;
import io.profilegateway.profile.Profile;
import io.profilegateway.switching.ActivationKind;
import io.profilegateway.switching.SwitchSource;
import io.profilegateway.switching.UserState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Predicate;

/** Whom a profile's trigger switches: every user who may use the profile and has not opted out of its triggers. */
@ApplicationScoped
public class TriggerAudience {

    /**
     * @param profileId the trigger's profile
     * @param narrowing a further condition (the user's time zone, his group)
     * @return the users to switch to the profile, by id
     */
    @Transactional
    public List<Long> toEnter(long profileId, Predicate<User> narrowing) {
        Profile profile = Profile.findById(profileId);
        if (profile == null) {
            return List.of();
        }
        Set<Long> optedOut = TriggerOptOut.usersOf(profileId);
        return UserState.getEntityManager()
                .createQuery("select s.user from UserState s order by s.userId", User.class).getResultList().stream()
                .filter(u -> !optedOut.contains(u.id) && profile.isUsableBy(u) && narrowing.test(u))
                .map(u -> u.id).toList();
    }

    /**
     * @return the users who hold an activation of a trigger of {@code source} for the profile, active or beneath the
     *         active one: those its end concerns (the engine checks again under the user's lock)
     */
    @Transactional
    public List<Long> toReturn(long profileId, SwitchSource source, Predicate<User> narrowing) {
        var em = UserState.getEntityManager();
        ActivationKind kind = source == SwitchSource.TEAMS ? ActivationKind.TEAMS : ActivationKind.TIME;
        Map<Long, User> users = new TreeMap<>();
        em.createQuery("select s.user from UserState s where s.activeProfile.id = :p and s.activeKind = :k", User.class)
                .setParameter("p", profileId).setParameter("k", kind).getResultList().forEach(u -> users.put(u.id, u));
        em.createQuery("select s.user from UserState s join s.beneath a where a.profile.id = :p and a.kind = :k",
                User.class).setParameter("p", profileId).setParameter("k", kind).getResultList()
                .forEach(u -> users.put(u.id, u));
        return users.values().stream().filter(narrowing).map(u -> u.id).toList();
    }
}
