package io.profilegateway.directory.importing;

import io.profilegateway.common.Violations;
import io.profilegateway.pbx.PbxReconciler;
import io.profilegateway.pbx.PjsipEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the users of a plain Asterisk from its PJSIP configuration over AMI ({@code PJSIPShowEndpoints}, then
 * {@code PJSIPShowEndpoint} for each endpoint's {@code callerid}): every endpoint is a device {@code PJSIP/<endpoint>}
 * of the user whose extension is the endpoint's name when that is digits only, else its callerid number; the name is
 * the callerid name. Endpoints with the same extension (a desk phone and a softphone) are one user with both devices,
 * the one named like the extension first, whose callerid name counts. Endpoints without an extension (trunks) or a name are skipped.
 */
@ApplicationScoped
class PjsipUsers {

    /** {@code ast_callerid_merge}'s {@code "name" <number>}, the quotes optional. */
    private static final Pattern NAME_AND_NUMBER = Pattern.compile("^\\s*\"?(.*?)\"?\\s*<([^>]*)>\\s*$");

    @Inject
    PbxReconciler pbx;

    CompletionStage<PbxReading> read(String server) {
        return pbx.readEndpoints(server).thenApply(PjsipUsers::parse);
    }

    static PbxReading parse(List<PjsipEndpoint> endpoints) {
        Map<String, List<PjsipEndpoint>> byExtension = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (PjsipEndpoint endpoint : endpoints) {
            String[] callerId = split(endpoint.callerid());
            String extension = Violations.EXTENSION.matcher(endpoint.name()).matches() ? endpoint.name()
                    : Violations.EXTENSION.matcher(callerId[1]).matches() ? callerId[1] : null;
            if (extension == null) {
                skipped.add(endpoint.name() + ": neither the endpoint's name nor its callerid number is an extension");
                continue;
            }
            byExtension.computeIfAbsent(extension, e -> new ArrayList<>()).add(endpoint);
        }
        List<PbxUser> users = new ArrayList<>();
        byExtension.forEach((extension, list) -> {
            List<PjsipEndpoint> ordered = list.stream()
                    .sorted((a, b) -> Boolean.compare(!a.name().equals(extension), !b.name().equals(extension)))
                    .toList();
            List<String> devices = ordered.stream().map(e -> "PJSIP/" + e.name()).toList();
            String name = ordered.stream().map(e -> split(e.callerid())[0]).filter(n -> !n.isBlank()).findFirst()
                    .orElse("");
            String why = name.isEmpty() ? "no callerid name on endpoint(s) "
                    + String.join(", ", list.stream().map(PjsipEndpoint::name).toList())
                    : FreePbxUsers.problem(extension, name, devices);
            if (why == null) {
                users.add(new PbxUser(extension, name, devices));
            } else {
                skipped.add(extension + ": " + why);
            }
        });
        return new PbxReading(List.copyOf(users), List.copyOf(skipped));
    }

    /** A callerid as {name, number}; a bare number is a number, anything else bare a name. */
    static String[] split(String callerId) {
        String text = callerId == null ? "" : callerId.trim();
        Matcher m = NAME_AND_NUMBER.matcher(text);
        if (m.matches()) {
            return new String[] {m.group(1).trim(), m.group(2).trim()};
        }
        return Violations.EXTENSION.matcher(text).matches() ? new String[] {"", text} : new String[] {text, ""};
    }
}
