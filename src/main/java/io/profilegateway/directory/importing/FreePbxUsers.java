package io.profilegateway.directory.importing;

import io.profilegateway.common.Violations;
import io.profilegateway.pbx.AmiConfig;
import io.profilegateway.pbx.DbKey;
import io.profilegateway.pbx.PbxReconciler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Reads the users of a FreePBX system from its AstDB over AMI ({@code DBGetTree}): every {@code AMPUSER/<ext>/cidname}
 * is a user (FreePBX writes it for each extension; the gateway never does), {@code AMPUSER/<ext>/device} his device
 * ids joined by {@code &}, each dialled as {@code DEVICE/<id>/dial} ({@code PJSIP/<id>} when that is missing; an entry
 * that is already a dial string, as the gateway writes it, stays). Entries whose extension, name or devices would not
 * pass the directory's checks are left out and counted as skipped.
 */
@ApplicationScoped
class FreePbxUsers {

    @Inject
    PbxReconciler pbx;

    @Inject
    AmiConfig ami;

    CompletionStage<PbxReading> read(String server) {
        String ampuser = ami.names().ampuserFamily();
        String device = ami.names().deviceFamily();
        // one family after the other, the second sent off asterisk-java's thread: asterisk-java drops list entries
        // beyond its event queue's 20,000 places, and two big lists at once would overflow it (see AsteriskHolds)
        return pbx.readTree(server, ampuser).thenComposeAsync(users -> pbx.readTree(server, device)
                .thenApply(dial -> parse(users, dial)));
    }

    static PbxReading parse(Map<DbKey, String> ampuser, Map<DbKey, String> devices) {
        Map<String, String> names = new TreeMap<>();
        Map<String, String> deviceIds = new TreeMap<>();
        ampuser.forEach((key, value) -> {
            int slash = key.key().indexOf('/');
            if (slash > 0 && key.key().substring(slash + 1).equals("cidname")) {
                names.put(key.key().substring(0, slash), value);
            } else if (slash > 0 && key.key().substring(slash + 1).equals("device")) {
                deviceIds.put(key.key().substring(0, slash), value);
            }
        });
        Map<String, String> dial = new TreeMap<>();
        devices.forEach((key, value) -> {
            if (key.key().endsWith("/dial")) {
                dial.put(key.key().substring(0, key.key().length() - "/dial".length()), value);
            }
        });
        List<PbxUser> users = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        names.forEach((ext, name) -> {
            List<String> ring = deviceIds.getOrDefault(ext, "").isBlank() ? List.of()
                    : Arrays.stream(deviceIds.get(ext).split("&")).filter(id -> !id.isBlank())
                            .map(id -> id.contains("/") ? id : dial.getOrDefault(id, "PJSIP/" + id)).distinct()
                            .toList();
            String why = problem(ext, name, ring);
            if (why == null) {
                users.add(new PbxUser(ext, name.trim(), ring));
            } else {
                skipped.add(ext + ": " + why);
            }
        });
        return new PbxReading(List.copyOf(users), List.copyOf(skipped));
    }

    /** Why a PBX entry cannot be a directory user, or null when it can. */
    static String problem(String ext, String name, List<String> devices) {
        if (!Violations.EXTENSION.matcher(ext).matches()) {
            return "the extension is not digits only";
        }
        Violations v = new Violations().text("displayName", name, 100);
        if (!v.isEmpty()) {
            return "the name (cidname) is empty, too long or has control characters";
        }
        return devices.stream().filter(d -> !Violations.DEVICE.matcher(d).matches()).findFirst()
                .map(d -> "device '" + d + "' is not a device name").orElse(null);
    }
}
