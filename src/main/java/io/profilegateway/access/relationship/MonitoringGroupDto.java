package io.profilegateway.access.relationship;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A monitoring group as the API reads and writes it. */
@Schema(name = "MonitoringGroup")
public record MonitoringGroupDto(
        @Schema(readOnly = true, example = "1000") Long id,
        @Schema(required = true, example = "Front desk") String name,
        @Schema(description = "the group whose admins manage it; null = system admins only", example = "3")
        Long groupId,
        @Schema(required = true, description = "named sub-groups of users") List<SubGroup> subGroups,
        @Schema(required = true, description = "the level each sub-group has on another (or on itself)")
        List<Rule> rules) {

    @Schema(name = "MonitoringSubGroup")
    public record SubGroup(@Schema(example = "assistants") String name,
            @Schema(example = "[1042]") List<Long> memberIds) {
    }

    @Schema(name = "MonitoringRule", description = "members of 'viewers' have 'level' on members of 'owners'")
    public record Rule(@Schema(example = "assistants") String viewers, @Schema(example = "staff") String owners,
            @Schema(example = "ASSISTANT") Level level) {
    }

    static MonitoringGroupDto of(MonitoringGroup g) {
        Map<String, TreeSet<Long>> members = new TreeMap<>();
        g.members.forEach(m -> members.computeIfAbsent(m.subGroup, k -> new TreeSet<>()).add(m.userId));
        return new MonitoringGroupDto(g.id, g.name, g.group == null ? null : g.group.id,
                members.entrySet().stream().map(e -> new SubGroup(e.getKey(), List.copyOf(e.getValue()))).toList(),
                g.rules.stream().map(r -> new Rule(r.viewers, r.owners, r.level)).toList());
    }

    /** What the change record shows: name, members per sub-group, rules. */
    String summary() {
        return "'" + name + "' " + subGroups.stream().map(s -> s.name() + "=" + s.memberIds())
                .collect(Collectors.joining(" ")) + " " + rules.stream()
                .map(r -> r.viewers() + "->" + r.owners() + ":" + r.level()).collect(Collectors.joining(" "));
    }
}
