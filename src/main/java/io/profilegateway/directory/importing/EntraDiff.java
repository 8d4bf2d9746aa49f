package io.profilegateway.directory.importing;

import io.profilegateway.common.Violations;
import io.profilegateway.directory.importing.ImportChange.EntraEntry;
import io.profilegateway.directory.user.User;
import io.profilegateway.trigger.teams.GraphDirectory.EntraUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The diff of Entra ID's users against the directory. An Entra user is matched to the directory user with his object
 * id, else to the one with his e-mail ({@code mail}, else {@code userPrincipalName}; case-insensitive). NEW: nobody
 * matches; he becomes a portal-only user (no extension, no devices: Entra never gives PBX state, seed 003). CHANGED: a
 * match whose e-mail or Entra object id differ, or, for a portal-only user, whose name differs; a PBX user keeps the
 * PBX's name. GONE: a portal-only user an Entra import brought in, no longer in Entra.
 */
final class EntraDiff {

    private EntraDiff() {
    }

    /** Reads the directory; call inside a transaction. */
    static DirectoryDiff.Result of(List<EntraUser> entra) {
        List<User> users = User.<User>listAll();
        Map<String, User> byObjectId = new HashMap<>();
        Map<String, User> byEmail = new HashMap<>();
        for (User user : users) {
            if (user.entraObjectId != null) {
                byObjectId.put(user.entraObjectId, user);
            }
            if (user.email != null) {
                byEmail.put(user.email.toLowerCase(Locale.ROOT), user);
            }
        }
        List<ImportChange> changes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<Long> matched = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (EntraUser e : entra) {
            String address = e.mail() != null && !e.mail().isBlank() ? e.mail() : e.userPrincipalName();
            if (e.id() == null || address == null || address.isBlank()) {
                skipped.add(e.id() + ": no mail or userPrincipalName");
                continue;
            }
            String email = address.trim().toLowerCase(Locale.ROOT);
            String name = e.displayName() == null ? "" : e.displayName().trim();
            if (!new Violations().text("displayName", name, 100).isEmpty()) {
                skipped.add(email + ": the displayName is empty, too long or has control characters");
                continue;
            }
            if (!emails.add(email)) {
                skipped.add(email + ": more than one Entra user has this e-mail");
                continue;
            }
            User user = byObjectId.getOrDefault(e.id(), byEmail.get(email));
            EntraEntry fromEntra = new EntraEntry(name, email, e.id());
            if (user == null) {
                changes.add(ImportChange.created(fromEntra));
                continue;
            }
            matched.add(user.id);
            EntraEntry directory = entry(user);
            EntraEntry wanted = user.isPbxUser() ? new EntraEntry(user.displayName, email, e.id()) : fromEntra;
            if (!wanted.equals(directory)) {
                changes.add(ImportChange.changed(user.id, user.extension, wanted, directory));
            }
        }
        for (User user : users) {
            if (user.importedFromEntra && !user.isPbxUser() && !user.importedFromPbx && !matched.contains(user.id)) {
                changes.add(ImportChange.gone(user.id, entry(user)));
            }
        }
        changes.sort(Comparator.comparing(ImportChange::kind).thenComparing(ImportChange::key,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return new DirectoryDiff.Result(List.copyOf(changes), List.copyOf(skipped));
    }

    private static EntraEntry entry(User user) {
        return new EntraEntry(user.displayName, user.email == null ? null : user.email.toLowerCase(Locale.ROOT),
                user.entraObjectId);
    }
}
