package io.profilegateway.access.relationship;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code gateway.relationships.*}: the site's rules for relationships. */
@ConfigMapping(prefix = "gateway.relationships")
public interface RelationshipConfig {

    enum PersonalLevels {
        /** A user's own setting may widen or narrow what the server gives a viewer (product.md §5 rule 1). */
        EXTEND_AND_RESTRICT,
        /** A user may only widen it (seed 002: "nur ausweiten", by works agreement); narrower settings are refused. */
        EXTEND_ONLY
    }

    /** Whether users may narrow the server's level with their own settings, or only widen it. */
    @WithDefault("EXTEND_AND_RESTRICT")
    PersonalLevels personalLevels();
}
