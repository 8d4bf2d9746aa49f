package io.profilegateway.access.relationship;

import io.profilegateway.access.relationship.Path.Kind;
import io.profilegateway.access.relationship.RelationshipConfig.PersonalLevels;
import io.profilegateway.directory.group.RelationshipDefaults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Everything that relates one viewer to others, loaded once (his personal levels given by owners, the teams and
 * monitoring-group rules he is in), so that the effective level on any owner is worked out in memory: product.md §5.
 */
public final class ViewerRelations {

    /** A group as its defaults need it. */
    public record GroupDefaults(long id, String name, RelationshipDefaults defaults) {
    }

    private final Set<Long> viewerGroups;
    private final Map<Long, Level> personal;
    private final Map<Long, List<Path>> rules;
    private final LongFunction<GroupDefaults> groups;
    private final PersonalLevels policy;

    ViewerRelations(Set<Long> viewerGroups, Map<Long, Level> personal, Map<Long, List<Path>> rules,
            LongFunction<GroupDefaults> groups, PersonalLevels policy) {
        this.viewerGroups = Set.copyOf(viewerGroups);
        this.personal = personal;
        this.rules = rules;
        this.groups = groups;
        this.policy = policy;
    }

    /** The same relations with another way to find a group's defaults. */
    ViewerRelations withGroups(LongFunction<GroupDefaults> groupDefaults) {
        return new ViewerRelations(viewerGroups, personal, rules, groupDefaults, policy);
    }

    /** The viewer's effective level on the owner, and why. */
    public Effective on(OwnerFacts owner) {
        List<Path> considered = new ArrayList<>();
        Path server = serverPath(owner, considered);
        Level own = personal.get(owner.id());
        if (own == null) {
            return new Effective(server.level(), server, considered);
        }
        Path personalPath = Path.of(Kind.PERSONAL, own, "the owner's own setting for this viewer");
        considered.add(0, personalPath);
        if (policy == PersonalLevels.EXTEND_ONLY && !own.isAtLeast(server.level())) {
            return new Effective(server.level(), server, considered);
        }
        return new Effective(own, personalPath, considered);
    }

    /** The level without the owner's personal setting: the VIP rule, else the most permissive server path. */
    public Level serverLevel(OwnerFacts owner) {
        return serverPath(owner, new ArrayList<>()).level();
    }

    private Path serverPath(OwnerFacts owner, List<Path> considered) {
        List<Path> paths = new ArrayList<>();
        if (owner.primaryGroupId() != null) {
            paths.add(groupPath(groups.apply(owner.primaryGroupId())));
        }
        paths.addAll(rules.getOrDefault(owner.id(), List.of()));
        considered.addAll(paths);
        if (owner.vip()) {
            Path vip = Path.of(Kind.VIP, Level.UNKNOWN, "the owner is a VIP: only his own settings grant more");
            considered.add(0, vip);
            return vip;
        }
        return paths.stream().max(Comparator.comparing(Path::level))
                .orElse(Path.of(Kind.NONE, Level.UNKNOWN, "nothing relates the two: the owner has no group"));
    }

    private Path groupPath(GroupDefaults group) {
        RelationshipDefaults d = group.defaults();
        Kind kind;
        Level level;
        String where;
        if (viewerGroups.contains(group.id())) {
            kind = Kind.SAME_GROUP;
            level = d.sameGroup();
            where = "viewers in the same group";
        } else if (!viewerGroups.isEmpty()) {
            kind = Kind.OTHER_GROUPS;
            level = d.otherGroups();
            where = "viewers from other groups";
        } else {
            kind = Kind.OUTSIDE;
            level = d.outside();
            where = "viewers in no group";
        }
        return new Path(kind, group.id(), group.name(), level,
                "group '" + group.name() + "': default for " + where + " is " + level);
    }
}
