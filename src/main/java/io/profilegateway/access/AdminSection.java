package io.profilegateway.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The sections of the web page's administration and the role rights each needs (product.md §4): what
 * {@code GET /api/v1/me} lists as {@code may}, so that the page shows a signed-in user exactly the sections his role
 * may use. The API still checks every call itself; this only keeps the menu honest.
 */
public enum AdminSection {
    /** ADMIN profiles of his groups (SYSTEM ones: system admins). */
    PROFILES(Role::hasGroupAdminRights),
    /** The users of his groups. */
    USERS(Role::hasManagerRights),
    /** His groups' office state and override; group admins also edit their office hours. */
    GROUPS(Role::hasReceptionistRights),
    TEAMS(Role::hasGroupAdminRights),
    WORKPLACES(Role::hasGroupAdminRights),
    /** API tokens of the users he manages (everyone may still manage his own through the API). */
    TOKENS(Role::hasManagerRights),
    /** Per-user PBX sync state (desired vs applied) of the users he manages. */
    PBX(Role::hasManagerRights),
    /** Agent-state reports of the teams of his groups (MANAGER "sees reports"). */
    REPORTS(Role::hasManagerRights);

    private final Predicate<Role> openTo;

    AdminSection(Predicate<Role> openTo) {
        this.openTo = openTo;
    }

    public boolean isOpenTo(Role role) {
        return openTo.test(role);
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
