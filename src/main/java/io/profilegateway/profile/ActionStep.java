package io.profilegateway.profile;

import java.util.List;

/**
 * One step of a chain as the switching engine applies it: an immutable copy of an {@link ActionRow} that names its
 * team and workplace by id, so that it can outlive the transaction that read it (see {@link ProfileChains}).
 */
public record ActionStep(ActionType type, Boolean enabled, String targets, Integer ringSeconds,
        Integer preRingSeconds, Long teamId,
        Integer penalty, String reason, Long workplaceId, RedirectKind redirectKind, String redirectTarget) {

    static ActionStep of(ActionRow row) {
        return new ActionStep(row.type, row.enabled, row.targets, row.ringSeconds, row.preRingSeconds,
                row.team == null ? null : row.team.id, row.penalty, row.reason,
                row.workplace == null ? null : row.workplace.id, row.redirectKind, row.redirectTarget);
    }

    public boolean asksForRedirectTarget() {
        return type == ActionType.SET_REDIRECT && ActionRow.ASK.equals(redirectTarget);
    }

    public static List<ActionStep> of(List<ActionRow> rows) {
        return rows.stream().map(ActionStep::of).toList();
    }
}
