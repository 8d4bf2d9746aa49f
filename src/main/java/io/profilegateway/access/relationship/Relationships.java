package io.profilegateway.access.relationship;

import io.profilegateway.access.relationship.Path.Kind;
import io.profilegateway.access.relationship.ViewerRelations.GroupDefaults;
import io.profilegateway.directory.group.RelationshipDefaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what relates a viewer to others and hands out {@link ViewerRelations} to work out effective levels in
 * memory: one query for his personal levels, teams and monitoring-group rules together, bounded by his own relations
 * (not by the directory); {@link #between} narrows it to one owner and brings that owner's group defaults along, so
 * the check on a single request is one round trip. Must run inside a transaction.
 */
@ApplicationScoped
public class Relationships {

    /** Columns: kind, owner, level, source id, source name, viewers' sub-group, owners' sub-group. */
    private static final String RELATIONS = "select 'P', p.owner_id, p.rel_level, cast(null as bigint),"
            + " cast(null as varchar(100)), cast(null as varchar(64)), cast(null as varchar(64))"
            + " from personal_relationship p where p.viewer_id = ?1 :owner(p.owner_id)"
            + " union all select 'T', o.user_id, t.member_relationship, t.id, t.name, null, null"
            + " from user_team_state v join team t on t.id = v.team_id join user_team_state o on o.team_id = v.team_id"
            + " where v.user_id = ?1 and o.user_id <> ?1 and t.member_relationship is not null :owner(o.user_id)"
            + " union all select 'M', om.user_id, r.rel_level, g.id, g.name, r.viewers, r.owners"
            + " from monitoring_member vm"
            + " join monitoring_rule r on r.monitoring_group_id = vm.monitoring_group_id and r.viewers = vm.sub_group"
            + " join monitoring_member om on om.monitoring_group_id = r.monitoring_group_id and om.sub_group = r.owners"
            + " join monitoring_group g on g.id = r.monitoring_group_id"
            + " where vm.user_id = ?1 and om.user_id <> ?1 :owner(om.user_id)";

    /** For one owner: his primary group's defaults as a fourth kind of row (same, other, outside in 3, 6, 7). */
    private static final String OWNERS_GROUP = " union all select 'G', u.id, g.rel_same_group, g.id, g.name,"
            + " g.rel_other_groups, g.rel_outside from app_user u join user_group g on g.id = u.primary_group_id"
            + " where u.id = ?2";

    private static final String ALL_GROUPS = "select 'G', null, rel_same_group, id, name, rel_other_groups,"
            + " rel_outside from user_group";

    private static final String GROUP = ALL_GROUPS + " where id = ?1";

    @Inject
    EntityManager em;

    @Inject
    RelationshipConfig config;

    /** The relations of a viewer who is a member of these groups, with everyone. */
    public ViewerRelations of(long viewerId, Set<Long> viewerGroups) {
        return relations(viewerId, viewerGroups, null);
    }

    /** The relations of the viewer with one owner only. */
    public ViewerRelations between(long viewerId, Set<Long> viewerGroups, long ownerId) {
        return relations(viewerId, viewerGroups, ownerId);
    }

    /** The viewer's relations with everyone and every group's defaults, read now: usable after the transaction. */
    public ViewerRelations snapshot(long viewerId, Set<Long> viewerGroups) {
        Map<Long, GroupDefaults> all = new HashMap<>();
        for (Object row : em.createNativeQuery(ALL_GROUPS).getResultList()) {
            GroupDefaults g = defaults((Object[]) row);
            all.put(g.id(), g);
        }
        ViewerRelations relations = relations(viewerId, viewerGroups, null);
        return relations.withGroups(id -> all.getOrDefault(id, new GroupDefaults(id, "#" + id,
                RelationshipDefaults.STANDARD)));
    }

    public RelationshipConfig.PersonalLevels policy() {
        return config.personalLevels();
    }

    private ViewerRelations relations(long viewerId, Set<Long> viewerGroups, Long ownerId) {
        String sql = RELATIONS.replaceAll(":owner\\(([a-z_.]+)\\)", ownerId == null ? "" : "and $1 = ?2")
                + (ownerId == null ? "" : OWNERS_GROUP);
        var query = em.createNativeQuery(sql).setParameter(1, viewerId);
        if (ownerId != null) {
            query.setParameter(2, ownerId);
        }
        Map<Long, Level> personal = new HashMap<>();
        Map<Long, List<Path>> rules = new HashMap<>();
        Map<Long, GroupDefaults> groups = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            long owner = id(r[1]);
            Level level = Level.valueOf((String) r[2]);
            switch (String.valueOf(r[0])) {
                case "P" -> personal.put(owner, level);
                case "T" -> rules.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Path(Kind.TEAM, id(r[3]),
                        (String) r[4], level, "team '" + r[4] + "': its members are " + level + " for each other"));
                case "M" -> rules.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Path(Kind.MONITORING_GROUP,
                        id(r[3]), (String) r[4], level, "monitoring group '" + r[4] + "': sub-group '" + r[5]
                                + "' is " + level + " for '" + r[6] + "'"));
                default -> groups.put(id(r[3]), defaults(r));
            }
        }
        return new ViewerRelations(viewerGroups, personal, rules,
                groupId -> groups.computeIfAbsent(groupId, this::groupDefaults), config.personalLevels());
    }

    private GroupDefaults groupDefaults(long groupId) {
        List<?> found = em.createNativeQuery(GROUP).setParameter(1, groupId).getResultList();
        return found.isEmpty() ? new GroupDefaults(groupId, "#" + groupId, RelationshipDefaults.STANDARD)
                : defaults((Object[]) found.get(0));
    }

    private static GroupDefaults defaults(Object[] row) {
        return new GroupDefaults(id(row[3]), (String) row[4], new RelationshipDefaults(Level.valueOf((String) row[2]),
                Level.valueOf((String) row[5]), Level.valueOf((String) row[6])));
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }
}
