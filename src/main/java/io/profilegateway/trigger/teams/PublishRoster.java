package io.profilegateway.trigger.teams;

import io.profilegateway.profile.PresenceType;
import io.profilegateway.pbx.PbxServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whose Teams presence the gateway sets: every PBX user with an Entra object id, with his devices (and his
 * workplace's) and whether his active profile is of presence type DND. Database only, no Graph call inside.
 */
@ApplicationScoped
public class PublishRoster {

    /** One user the gateway may set Teams presence for. */
    record Target(long userId, String entraId, String server, List<String> devices, boolean dnd) {
    }

    @Inject
    EntityManager em;

    @Inject
    PbxServers servers;

    @Transactional
    public List<Target> load() {
        Map<Long, List<String>> devices = new HashMap<>();
        em.createQuery("select u.id, d from AppUser u join u.devices d where u.entraObjectId is not null "
                + "and u.extension is not null", Object[].class).getResultList()
                .forEach(row -> devices.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]));
        em.createQuery("select s.userId, s.workplace.device from UserState s where s.workplace is not null "
                + "and s.user.entraObjectId is not null", Object[].class).getResultList()
                .forEach(row -> devices.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]));
        List<Target> targets = new ArrayList<>();
        em.createQuery("select u.id, u.entraObjectId, p.presence, u.pbxServer from UserState s join s.user u "
                + "join s.activeProfile p where u.entraObjectId is not null and u.extension is not null",
                Object[].class).getResultList()
                .forEach(row -> targets.add(new Target((Long) row[0], ((String) row[1]).toLowerCase(Locale.ROOT),
                        servers.serverOf((String) row[3]), List.copyOf(devices.getOrDefault((Long) row[0], List.of())),
                        row[2] == PresenceType.DND)));
        return targets;
    }
}
