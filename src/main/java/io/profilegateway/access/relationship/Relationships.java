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
 * Reads what relates a viewer to others (three small queries, bounded by his own relations, not by the directory)
 * and hands out {@link ViewerRelations} to work out effective levels in memory. Must run inside a transaction.
 */
@ApplicationScoped
public class Relationships {

    private static final String PERSONAL = "select owner_id, rel_level from personal_relationship where viewer_id = ?1";

    private static final String TEAMS = "select o.user_id, t.member_relationship, t.id, t.name from user_team_state v"
            + " join team t on t.id = v.team_id join user_team_state o on o.team_id = v.team_id"
            + " where v.user_id = ?1 and o.user_id <> ?1 and t.member_relationship is not null";

    private static final String MONITORING = "select om.user_id, r.rel_level, g.id, g.name, r.viewers, r.owners"
            + " from monitoring_member vm"
            + " join monitoring_rule r on r.monitoring_group_id = vm.monitoring_group_id and r.viewers = vm.sub_group"
            + " join monitoring_member om on om.monitoring_group_id = r.monitoring_group_id and om.sub_group = r.owners"
            + " join monitoring_group g on g.id = r.monitoring_group_id"
            + " where vm.user_id = ?1 and om.user_id <> ?1";

    private static final String GROUPS = "select id, name, rel_same_group, rel_other_groups, rel_outside"
            + " from user_group";

    @Inject
    EntityManager em;

    @Inject
    RelationshipConfig config;

    /** The relations of a viewer who is a member of these groups. */
    public ViewerRelations of(long viewerId, Set<Long> viewerGroups) {
        Map<Long, Level> personal = new HashMap<>();
        for (Object[] row : rows(PERSONAL, viewerId)) {
            personal.put(id(row[0]), Level.valueOf((String) row[1]));
        }
        Map<Long, List<Path>> rules = new HashMap<>();
        for (Object[] row : rows(TEAMS, viewerId)) {
            Level level = Level.valueOf((String) row[1]);
            rules.computeIfAbsent(id(row[0]), k -> new ArrayList<>()).add(new Path(Kind.TEAM, id(row[2]),
                    (String) row[3], level, "team '" + row[3] + "': its members are " + level + " for each other"));
        }
        for (Object[] row : rows(MONITORING, viewerId)) {
            Level level = Level.valueOf((String) row[1]);
            rules.computeIfAbsent(id(row[0]), k -> new ArrayList<>()).add(new Path(Kind.MONITORING_GROUP, id(row[2]),
                    (String) row[3], level, "monitoring group '" + row[3] + "': sub-group '" + row[4] + "' is "
                            + level + " for '" + row[5] + "'"));
        }
        Map<Long, GroupDefaults> groups = new HashMap<>();
        return new ViewerRelations(viewerGroups, personal, rules,
                groupId -> groups.computeIfAbsent(groupId, this::groupDefaults), config.personalLevels());
    }

    public RelationshipConfig.PersonalLevels policy() {
        return config.personalLevels();
    }

    private GroupDefaults groupDefaults(long groupId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(GROUPS + " where id = ?1").setParameter(1, groupId)
                .getResultList();
        return found.isEmpty() ? new GroupDefaults(groupId, "#" + groupId, RelationshipDefaults.STANDARD)
                : defaults(found.get(0));
    }

    private static GroupDefaults defaults(Object[] row) {
        return new GroupDefaults(id(row[0]), (String) row[1], new RelationshipDefaults(Level.valueOf((String) row[2]),
                Level.valueOf((String) row[3]), Level.valueOf((String) row[4])));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Long viewerId) {
        var query = em.createNativeQuery(sql);
        if (viewerId != null) {
            query.setParameter(1, viewerId);
        }
        return query.getResultList();
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }
}
