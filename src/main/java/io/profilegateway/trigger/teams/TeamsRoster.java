package io.profilegateway.trigger.teams;

import io.profilegateway.directory.user.User;
import io.profilegateway.profile.Profile;
import io.profilegateway.profile.Trigger;
import io.profilegateway.profile.TriggerType;
import io.profilegateway.switching.ActivationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is watched for Teams meetings: every PBX user who may use a profile with a TEAMS_MEETING trigger, with those
 * profiles (lowest id first) and the meeting profile the database says is active. Also stores Entra ids found by
 * e-mail. Database only: no Graph call ever runs inside these transactions.
 */
@ApplicationScoped
public class TeamsRoster {

    @Inject
    EntityManager em;

    @Transactional
    public List<Watch> load(Set<String> defaultActivities) {
        List<Profile> profiles = Profile.<Profile>list("order by id");
        List<Profile> teamsProfiles = new ArrayList<>();
        Map<Long, MeetingRule> rules = new HashMap<>();
        for (Profile p : profiles) {
            Set<String> activities = activities(p.triggers, defaultActivities);
            if (!activities.isEmpty()) {
                teamsProfiles.add(p);
                rules.put(p.id, new MeetingRule(p.id, activities));
            }
        }
        if (teamsProfiles.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> states = new HashMap<>();
        em.createQuery("select s.userId, s.activeProfile.id, s.activeKind from UserState s", Object[].class)
                .getResultList().forEach(row -> states.put((Long) row[0], row));
        // a meeting beneath another activation (a TIME trigger on top of it) is still on
        Map<Long, Long> meetingsBeneath = new HashMap<>();
        em.createQuery("select s.userId, a.profile.id from UserState s join s.beneath a where a.kind = :k",
                Object[].class).setParameter("k", ActivationKind.TEAMS).getResultList()
                .forEach(row -> meetingsBeneath.put((Long) row[0], (Long) row[1]));
        List<User> users = em.createQuery("select distinct u from AppUser u left join fetch u.otherGroups "
                + "where u.extension is not null", User.class).getResultList();
        List<Watch> watches = new ArrayList<>();
        for (User user : users) {
            List<MeetingRule> usable = teamsProfiles.stream().filter(p -> p.isUsableBy(user))
                    .map(p -> rules.get(p.id)).toList();
            Object[] state = states.get(user.id);
            if (usable.isEmpty() || state == null) {
                continue;
            }
            Long meeting = state[2] == ActivationKind.TEAMS && rules.containsKey((Long) state[1]) ? (Long) state[1]
                    : meetingsBeneath.get(user.id);
            String entraId = user.entraObjectId == null ? null : user.entraObjectId.toLowerCase(Locale.ROOT);
            watches.add(new Watch(user.id, entraId, user.email, usable, meeting));
        }
        return watches;
    }

    /** Stores Entra ids found by e-mail, unless someone set one meanwhile. */
    @Transactional
    public void storeEntraIds(Map<Long, String> ids) {
        ids.forEach((userId, entraId) -> User.update(
                "entraObjectId = ?1, version = version + 1 where id = ?2 and entraObjectId is null", entraId, userId));
    }

    /** The activities of the profile's Teams triggers together; a trigger without its own uses the default set. */
    static Set<String> activities(List<Trigger> triggers, Set<String> defaultActivities) {
        Set<String> activities = new LinkedHashSet<>();
        if (triggers != null) {
            for (Trigger t : triggers) {
                if (t != null && t.type() == TriggerType.TEAMS_MEETING) {
                    activities.addAll(t.activities() == null || t.activities().isEmpty() ? defaultActivities
                            : t.activities());
                }
            }
        }
        return activities;
    }
}
