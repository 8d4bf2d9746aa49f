package io.profilegateway.directory.importing;

import io.profilegateway.directory.user.User;
import io.profilegateway.pbx.PbxServers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The diff of what a PBX server has against the directory: NEW (an extension nobody has), CHANGED (a user of that
 * server with that extension and another name or other devices), GONE (a user imported from that server whose
 * extension it no longer has). An extension held by a user of another server is left out (skipped), never moved.
 */
final class DirectoryDiff {

    private DirectoryDiff() {
    }

    record Result(List<ImportChange> changes, List<String> skipped) {
    }

    /** Reads the directory's PBX users; call inside a transaction. */
    static Result of(String server, List<PbxUser> onPbx, PbxServers servers) {
        List<User> users = User.getEntityManager().createQuery(
                "select distinct u from AppUser u left join fetch u.devices where u.extension is not null", User.class)
                .getResultList();
        Map<String, User> byExtension = users.stream().collect(Collectors.toMap(u -> u.extension,
                Function.identity()));
        List<ImportChange> changes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PbxUser pbx : onPbx) {
            seen.add(pbx.extension());
            User user = byExtension.get(pbx.extension());
            if (user == null) {
                changes.add(ImportChange.created(pbx));
            } else if (!servers.serverOf(user.pbxServer).equals(server)) {
                skipped.add(pbx.extension() + ": the extension belongs to a user of server '"
                        + servers.serverOf(user.pbxServer) + "'");
            } else {
                PbxUser directory = new PbxUser(user.extension, user.displayName, List.copyOf(user.devices));
                if (!directory.displayName().equals(pbx.displayName()) || !directory.devices().equals(pbx.devices())) {
                    changes.add(ImportChange.changed(user.id, pbx, directory));
                }
            }
        }
        for (User user : users) {
            if (user.importedFromPbx && servers.serverOf(user.pbxServer).equals(server)
                    && !seen.contains(user.extension)) {
                changes.add(ImportChange.gone(user.id,
                        new PbxUser(user.extension, user.displayName, List.copyOf(user.devices))));
            }
        }
        changes.sort(Comparator.comparing(ImportChange::kind).thenComparing(ImportChange::key));
        return new Result(List.copyOf(changes), List.copyOf(skipped));
    }
}
