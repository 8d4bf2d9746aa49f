package io.profilegateway.pbx;

import io.profilegateway.profile.RedirectKind;
import io.profilegateway.switching.DesiredPbxState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Translates a user's desired state into the AstDB keys, device states, presence and queue members of pbx.md's state
 * table, with the names configured under {@code gateway.ami.names} (FreePBX's by default).
 */
@ApplicationScoped
public class PbxNames {

    static final String ON = "BUSY";
    static final String OFF = "NOT_INUSE";
    /** FollowMe targets that look like internal extensions ring as such; all others get FreePBX's {@code #}. */
    private static final Pattern INTERNAL = Pattern.compile("[0-9]{2,6}");

    private final AmiConfig.Names names;

    @Inject
    public PbxNames(AmiConfig config) {
        this(config.names());
    }

    PbxNames(AmiConfig.Names names) {
        this.names = names;
    }

    /** Fails start-up when a configured name pattern lacks its {@code {ext}}. */
    void checkPatterns() {
        Map<String, String> patterns = Map.of("member-interface", names.memberInterface(), "state-interface",
                names.stateInterface(), "dnd-device-state", names.dndDeviceState(), "cf-device-state",
                names.cfDeviceState(), "follow-me-device-state", names.followMeDeviceState(), "presence-provider",
                names.presenceProvider());
        patterns.forEach((key, pattern) -> {
            if (!pattern.contains("{ext}") || !AmiValues.isSafe(pattern)) {
                throw new IllegalStateException("gateway.ami.names." + key + " must contain {ext}: " + pattern);
            }
        });
    }

    public PbxImage imageOf(DesiredPbxState desired) {
        String ext = desired.extension();
        Map<DbKey, String> db = new HashMap<>();
        if (!desired.reachable()) {
            db.put(new DbKey(names.dndFamily(), ext), "YES");
        }
        desired.redirects().forEach((kind, target) -> db.put(new DbKey(redirectFamily(kind), ext), target));
        var followMe = desired.followMe();
        db.put(followMeKey(ext, "ddial"), followMe.enabled() ? "DIRECT" : "EXTENSION");
        if (!followMe.targets().isEmpty()) {
            db.put(followMeKey(ext, "grplist"), followMe.targets().stream()
                    .map(t -> INTERNAL.matcher(t).matches() ? t : t + "#").collect(Collectors.joining("-")));
        }
        if (followMe.ringSeconds() > 0) {
            db.put(followMeKey(ext, "grptime"), Integer.toString(followMe.ringSeconds()));
        }
        db.put(followMeKey(ext, "prering"), Integer.toString(followMe.preRingSeconds()));
        if (desired.gsm().enabled() && desired.gsm().number() != null) {
            db.put(new DbKey(names.profileFamily(), ext + "/gsm"), desired.gsm().number());
        }
        if (!desired.devices().isEmpty()) {
            db.put(new DbKey(names.ampuserFamily(), ext + "/device"), String.join("&", desired.devices()));
        }
        for (String device : desired.devices()) {
            db.put(deviceUserKey(device), ext);
        }
        db.put(new DbKey(names.profileFamily(), ext + "/active"), Long.toString(desired.presence().profileId()));

        Map<String, String> deviceStates = Map.of(
                dndDeviceState(ext), desired.reachable() ? OFF : ON,
                expand(names.cfDeviceState(), ext), desired.redirects().containsKey(RedirectKind.ALWAYS) ? ON : OFF,
                expand(names.followMeDeviceState(), ext), followMe.enabled() ? ON : OFF);
        Map<String, String> presence = Map.of(presenceProvider(ext), presenceValue(desired.presence()));
        Map<String, QueueSeat> queues = new HashMap<>();
        for (var team : desired.teams()) {
            queues.put(team.queue(), new QueueSeat(team.penalty(), team.paused(), team.reason()));
        }
        return new PbxImage(ext, db, deviceStates, presence, queues);
    }

    /** {@code type,,message}: Asterisk splits the value at commas, so the profile name cannot carry one. */
    static String presenceValue(DesiredPbxState.Presence presence) {
        return presence.type() + ",," + presence.profileName().replace(',', ';');
    }

    public String memberInterface(String extension) {
        return expand(names.memberInterface(), extension);
    }

    public String stateInterface(String extension) {
        return expand(names.stateInterface(), extension);
    }

    public String dndDeviceState(String extension) {
        return expand(names.dndDeviceState(), extension);
    }

    /** The custom device states of an extension: its DND, call-forward and FollowMe lamps. */
    public java.util.List<String> deviceStateNames(String extension) {
        return java.util.List.of(dndDeviceState(extension), expand(names.cfDeviceState(), extension),
                expand(names.followMeDeviceState(), extension));
    }

    public String presenceProvider(String extension) {
        return expand(names.presenceProvider(), extension);
    }

    /** The AstDB families a full reconcile reads. */
    java.util.List<String> families() {
        return java.util.List.of(names.dndFamily(), names.cfFamily(), names.cfbFamily(), names.cfuFamily(),
                names.ampuserFamily(), names.deviceFamily(), names.profileFamily());
    }

    boolean isDeviceUserKey(DbKey key) {
        return key.family().equals(names.deviceFamily()) && key.key().endsWith("/user");
    }

    /**
     * Whether {@code key} is one the gateway owns for {@code extension} (and so may delete). {@code DEVICE/<dev>/user}
     * belongs to the extension it names; for FollowMe only the four keys the gateway writes count.
     */
    boolean owns(String extension, DbKey key, String value) {
        String family = key.family();
        String k = key.key();
        if (family.equals(names.deviceFamily())) {
            return k.endsWith("/user") && extension.equals(value);
        }
        if (family.equals(names.dndFamily()) || family.equals(names.cfFamily()) || family.equals(names.cfbFamily())
                || family.equals(names.cfuFamily())) {
            return k.equals(extension);
        }
        if (family.equals(names.ampuserFamily())) {
            return k.equals(extension + "/device") || k.equals(extension + "/followme/ddial")
                    || k.equals(extension + "/followme/grplist") || k.equals(extension + "/followme/grptime")
                    || k.equals(extension + "/followme/prering");
        }
        if (family.equals(names.profileFamily())) {
            return k.equals(extension + "/gsm") || k.equals(extension + "/active");
        }
        return false;
    }

    /** The extension a member interface belongs to, or null when it does not follow the configured pattern. */
    String extensionOfInterface(String memberInterface) {
        return extract(names.memberInterface(), memberInterface);
    }

    /** The extension whose presence {@code provider} is ({@code CustomPresence:1001}), or null. */
    String extensionOfPresence(String provider) {
        return extract(names.presenceProvider(), provider);
    }

    /** The extension whose DND lamp {@code device} is, or null. */
    String extensionOfDndDeviceState(String device) {
        return extract(names.dndDeviceState(), device);
    }

    private String redirectFamily(RedirectKind kind) {
        return switch (kind) {
            case ALWAYS -> names.cfFamily();
            case BUSY -> names.cfbFamily();
            case NO_ANSWER -> names.cfuFamily();
        };
    }

    private DbKey followMeKey(String ext, String name) {
        return new DbKey(names.ampuserFamily(), ext + "/followme/" + name);
    }

    private DbKey deviceUserKey(String device) {
        return new DbKey(names.deviceFamily(), device + "/user");
    }

    private static String expand(String pattern, String extension) {
        return pattern.replace("{ext}", extension);
    }

    private static String extract(String pattern, String value) {
        int at = pattern.indexOf("{ext}");
        String prefix = pattern.substring(0, at);
        String suffix = pattern.substring(at + "{ext}".length());
        if (value == null || !value.startsWith(prefix) || !value.endsWith(suffix)
                || value.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        String ext = value.substring(prefix.length(), value.length() - suffix.length());
        return ext.chars().allMatch(Character::isDigit) ? ext : null;
    }
}
