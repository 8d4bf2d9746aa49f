package io.profilegateway.access.relationship;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The effective level of a viewer on an owner, the path that decided it, and every path that was weighed. */
@Schema(name = "EffectiveRelationship")
public record Effective(
        @Schema(example = "ASSISTANT") Level level,
        Path decidedBy,
        @Schema(description = "every path that relates the two, the deciding one included") List<Path> considered) {
}
