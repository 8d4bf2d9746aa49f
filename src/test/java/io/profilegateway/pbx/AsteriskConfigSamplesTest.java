package io.profilegateway.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Loads every sample file of {@code asterisk-config/} with a small parser of Asterisk's configuration format and
 * checks that it fits what the gateway writes and needs, so that the samples cannot rot: the AMI user's rights,
 * the queues, and a dialplan that reads every AstDB key the gateway writes and defines every context it (or the
 * dialplan itself) refers to. Plain JUnit: no Quarkus, no Asterisk.
 */
class AsteriskConfigSamplesTest {

    private static final Path DIR = Path.of("asterisk-config");

    /**
     * The defaults of {@code AmiConfig.Names} ({@code gateway.ami.names.*}), read from their {@code @WithDefault}
     * annotations: a changed default that the samples do not follow fails this test.
     */
    static final Map<String, String> NAME_DEFAULTS = java.util.Arrays
            .stream(io.profilegateway.pbx.AmiConfig.Names.class.getDeclaredMethods())
            .collect(java.util.stream.Collectors.toMap(java.lang.reflect.Method::getName,
                    m -> m.getAnnotation(io.smallrye.config.WithDefault.class).value()));

    private static final List<String> SAMPLE_USERS = List.of("1001", "1002", "1003");
    private static final List<String> SAMPLE_QUEUES = List.of("support", "sales");

    /**
     * The manager classes Asterisk 22 registers each action the gateway sends with (an empty set: no class
     * needed). An action runs when the user's write classes share one class with its set.
     */
    private static final Map<String, Set<String>> ACTION_CLASSES = Map.ofEntries(
            Map.entry("Login", Set.of()),
            Map.entry("Challenge", Set.of()),
            Map.entry("Logoff", Set.of()),
            Map.entry("Ping", Set.of()),
            Map.entry("Events", Set.of()),
            Map.entry("CoreSettings", Set.of("system", "reporting")),
            Map.entry("CoreStatus", Set.of("system", "reporting")),
            Map.entry("DBPut", Set.of("system")),
            Map.entry("DBDel", Set.of("system")),
            Map.entry("DBGet", Set.of("system", "reporting")),
            Map.entry("DBGetTree", Set.of("system", "reporting")),
            Map.entry("QueueAdd", Set.of("agent")),
            Map.entry("QueueRemove", Set.of("agent")),
            Map.entry("QueuePause", Set.of("agent")),
            Map.entry("QueuePenalty", Set.of("agent")),
            Map.entry("QueueStatus", Set.of()),
            Map.entry("Setvar", Set.of("call")),
            Map.entry("Getvar", Set.of("call", "reporting")));

    /** The class of each event the gateway reads (its {@code Privilege:} header, without {@code all}). */
    private static final Map<String, String> EVENT_CLASSES = Map.of(
            "QueueMemberAdded", "agent",
            "QueueMemberRemoved", "agent",
            "QueueMemberPause", "agent",
            "DeviceStateChange", "call",
            "PresenceStateChange", "call",
            "UserEvent", "user");

    // ---------------------------------------------------------------------------------------------------------
    // manager.conf
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void managerHasOneLoopbackUserWithOnlyTheNeededRights() {
        Conf manager = Conf.load("manager.conf");
        Section general = manager.section("general");
        assertThat(general.single("enabled")).isEqualTo("yes");
        assertThat(general.single("bindaddr")).isEqualTo("127.0.0.1");
        assertThat(general.single("displayconnects")).isEqualTo("no");
        assertThat(general.single("webenabled")).isEqualTo("no");

        List<Section> users = manager.sections.stream().filter(s -> !s.name.equals("general")).toList();
        assertThat(users).as("AMI user sections").hasSize(1);
        Section user = users.get(0);
        assertThat(user.values("permit")).containsExactly("127.0.0.1/255.255.255.255");
        assertThat(user.values("deny")).containsExactly("0.0.0.0/0.0.0.0");
        assertThat(user.single("displayconnects")).isEqualTo("no");
        assertThat(user.single("secret")).as("a placeholder that is obviously to be replaced")
                .contains("CHANGE-ME");

        Set<String> write = classes(user.single("write"));
        Set<String> read = classes(user.single("read"));
        assertThat(write).containsExactlyInAnyOrder("system", "call", "agent");
        assertThat(read).containsExactlyInAnyOrder("call", "agent", "user");

        ACTION_CLASSES.forEach((action, needed) -> assertThat(needed.isEmpty() || intersects(write, needed))
                .as("write = %s allows %s (needs one of %s)", write, action, needed).isTrue());
        for (String c : write) {
            Set<String> without = new HashSet<>(write);
            without.remove(c);
            assertThat(ACTION_CLASSES.values().stream().anyMatch(n -> !n.isEmpty() && !intersects(without, n)))
                    .as("write class %s is needed by some action", c).isTrue();
        }
        EVENT_CLASSES.forEach((event, c) -> assertThat(read).as("read for %s", event).contains(c));
        assertThat(new HashSet<>(EVENT_CLASSES.values())).as("no read class beyond the events'").isEqualTo(read);

        Pattern filter = Pattern.compile("eventfilter\\(action\\(include\\),name\\(([A-Za-z]+)\\)[^=]*");
        Set<String> filtered = new LinkedHashSet<>();
        for (Entry e : user.entries) {
            if (e.key.startsWith("eventfilter")) {
                Matcher m = filter.matcher(e.key);
                assertThat(m.matches()).as("include filter by name, line %d: %s", e.line, e.key).isTrue();
                filtered.add(m.group(1));
            }
        }
        assertThat(filtered).as("event filters let exactly the gateway's events through")
                .containsExactlyInAnyOrderElementsOf(EVENT_CLASSES.keySet());
    }

    // ---------------------------------------------------------------------------------------------------------
    // queues.conf
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void queuesArePersistentRingallAndWithoutStaticMembers() {
        Conf queues = Conf.load("queues.conf");
        assertThat(queues.section("general").single("persistentmembers")).isEqualTo("yes");
        for (String q : SAMPLE_QUEUES) {
            assertThat(queues.section(q).single("strategy")).as("strategy of %s", q).isEqualTo("ringall");
        }
        for (Section s : queues.sections) {
            assertThat(s.values("member")).as("static members in [%s] (the gateway adds dynamic ones)", s.name)
                    .isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // extensions.conf
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyReferencedContextExists() {
        Dialplan plan = Dialplan.load();
        Map<String, String> refs = new LinkedHashMap<>(); // context -> where it is referenced
        for (String iface : List.of(NAME_DEFAULTS.get("memberInterface"), NAME_DEFAULTS.get("stateInterface"))) {
            refs.put(contextOf(iface), "gateway default " + iface);
        }
        for (Context c : plan.contexts.values()) {
            for (String inc : c.includes) {
                refs.putIfAbsent(inc, "include in [" + c.name + "]");
            }
        }
        Pattern call = Pattern.compile("\\b(Gosub|Goto)\\(([^,()]+),([^,()]+),([^,()]+)");
        Pattern local = Pattern.compile("Local/[^@,()\\s]*@([^/,()\\s]+)");
        for (Step step : plan.steps()) {
            String text = step.app + "(" + step.data + ")";
            Matcher m = call.matcher(text);
            while (m.find()) {
                String ctx = m.group(2).trim();
                assertThat(ctx).as("%s target context must be literal, line %d", m.group(1), step.line)
                        .doesNotContain("$");
                refs.putIfAbsent(ctx, m.group(1) + " at line " + step.line);
                String exten = m.group(3).trim();
                if (!exten.contains("$")) {
                    assertThat(plan.finds(ctx, exten, m.group(4).trim()))
                            .as("%s(%s,%s,%s) at line %d exists", m.group(1), ctx, exten, m.group(4), step.line)
                            .isTrue();
                }
            }
            Matcher l = local.matcher(text);
            while (l.find()) {
                refs.putIfAbsent(l.group(1), "Local channel at line " + step.line);
            }
        }
        assertThat(refs).containsKeys("from-queue", "ext-local", "gateway-user", "outbound");
        refs.forEach((ctx, where) -> assertThat(plan.contexts).as("context [%s] (%s)", ctx, where)
                .containsKey(ctx));

        for (String ext : SAMPLE_USERS) {
            String member = expand("memberInterface", ext);
            assertThat(plan.finds(contextOf(member), ext, "1")).as("%s rings something", member).isTrue();
            assertThat(plan.finds("gateway-users", ext, "1")).as("inbound route of %s", ext).isTrue();
            assertThat(plan.finds("from-internal", ext, "1")).as("%s is dialable from the phones", ext).isTrue();
        }
    }

    @Test
    void dialplanReadsEveryKeyTheGatewayWrites() {
        String plan = Dialplan.load().code();
        String var = "\\$\\{[A-Za-z0-9_]+\\}";
        String ampuser = Pattern.quote(NAME_DEFAULTS.get("ampuserFamily"));
        String profile = Pattern.quote(NAME_DEFAULTS.get("profileFamily"));
        Map<String, String> reads = new LinkedHashMap<>();
        for (String family : List.of("dndFamily", "cfFamily", "cfbFamily", "cfuFamily")) {
            reads.put(family, "DB\\(" + Pattern.quote(NAME_DEFAULTS.get(family)) + "/" + var + "\\)");
        }
        for (String key : List.of("grplist", "ddial", "grptime", "prering")) {
            reads.put("followme/" + key, "DB\\(" + ampuser + "/" + var + "/followme/" + key + "\\)");
        }
        reads.put("device", "DB\\(" + ampuser + "/" + var + "/device\\)");
        reads.put("gsm", "DB\\(" + profile + "/" + var + "/gsm\\)");
        reads.put("device user", "DB\\(" + Pattern.quote(NAME_DEFAULTS.get("deviceFamily")) + "/.*/user\\)");
        reads.forEach((what, regex) -> assertThat(Pattern.compile(regex).matcher(plan).find())
                .as("the dialplan reads %s (%s)", what, regex).isTrue());
    }

    @Test
    void hintsShowTheDndLampAndThePresenceOfEachSampleUser() {
        Context extLocal = Dialplan.load().contexts.get(contextOf(NAME_DEFAULTS.get("stateInterface")));
        assertThat(extLocal).isNotNull();
        for (String ext : SAMPLE_USERS) {
            Step hint = extLocal.hint(ext);
            assertThat(hint).as("hint of %s", ext).isNotNull();
            int comma = hint.data.indexOf(',');
            List<String> devices = List.of((comma < 0 ? hint.data : hint.data.substring(0, comma)).split("&"));
            String presence = comma < 0 ? "" : hint.data.substring(comma + 1);
            assertThat(devices).as("devices of the hint of %s", ext).contains(expand("dndDeviceState", ext));
            assertThat(devices.stream().anyMatch(d -> d.startsWith("PJSIP/"))).as("phone in hint %s", ext).isTrue();
            assertThat(presence).as("presence of the hint of %s", ext).isEqualTo(expand("presenceProvider", ext));
            Step lamp = extLocal.hint("*76" + ext);
            assertThat(lamp).as("BLF DND lamp *76%s", ext).isNotNull();
            assertThat(lamp.data).isEqualTo(expand("dndDeviceState", ext));
        }
    }

    @Test
    void featureCodesTalkToTheGateway() {
        Dialplan plan = Dialplan.load();
        String code = plan.code();
        Matcher event = Pattern.compile(
                "UserEvent\\(ProfileSwitch,Extension: (\\$\\{[A-Za-z0-9_]+\\}),Profile: (\\$\\{[A-Za-z0-9_]+\\})\\)")
                .matcher(code);
        assertThat(event.find()).as("UserEvent(ProfileSwitch,Extension: ...,Profile: ...)").isTrue();
        assertThat(plan.finds("from-internal", "*551", "1")).as("*55<id>, one digit").isTrue();
        assertThat(plan.finds("from-internal", "*5512", "1")).as("*55<id>, several digits").isTrue();
        assertThat(plan.finds("from-internal", "*76", "1")).as("*76").isTrue();
        assertThat(plan.finds("from-internal", "*46", "1")).as("*46").isTrue();

        String dndFamily = Pattern.quote(NAME_DEFAULTS.get("dndFamily"));
        String dndState = Pattern.quote(prefixOf("dndDeviceState"));
        assertThat(code).containsPattern("Set\\(DB\\(" + dndFamily + "/[^)]+\\)=YES\\)");
        assertThat(code).containsPattern("DB_DELETE\\(" + dndFamily + "/[^)]+\\)");
        assertThat(code).containsPattern("Set\\(DEVICE_STATE\\(" + dndState + "[^)]+\\)=BUSY\\)");
        assertThat(code).containsPattern("Set\\(DEVICE_STATE\\(" + dndState + "[^)]+\\)=NOT_INUSE\\)");

        String member = Pattern.quote(NAME_DEFAULTS.get("memberInterface")).replace("{ext}",
                "\\E\\$\\{[A-Za-z0-9_]+\\}\\Q");
        assertThat(code).containsPattern("Set\\(LOCAL\\(iface\\)=" + member + "\\)");
        assertThat(code).containsPattern("PauseQueueMember\\(,\\$\\{iface\\},");
        assertThat(code).containsPattern("UnpauseQueueMember\\(,\\$\\{iface\\},");
    }

    @Test
    void phoneSideCallForwardsQueueLoginsAndPresencesAreToldToTheGateway() {
        Dialplan plan = Dialplan.load();
        String code = plan.code();
        String var = "\\$\\{[A-Za-z0-9_]+\\}";
        // call forwards: each code writes the gateway's family and sends the UserEvent the gateway adopts
        Map<String, List<String>> codes = Map.of("cfFamily", List.of("*722000", "*73"),
                "cfbFamily", List.of("*902000", "*91"), "cfuFamily", List.of("*522000", "*53"));
        codes.forEach((family, dialled) -> {
            String name = NAME_DEFAULTS.get(family);
            for (String number : dialled) {
                assertThat(plan.finds("from-internal", number, "1")).as("%s (%s)", number, name).isTrue();
            }
            assertThat(code).as("%s on and off", name).containsPattern(
                    "Gosub\\(gateway-forward,s,1\\(\\$\\{GOSUB_RETVAL\\}," + Pattern.quote(name) + ",\\$\\{EXTEN:3\\}\\)\\)")
                    .containsPattern("Gosub\\(gateway-forward,s,1\\(\\$\\{GOSUB_RETVAL\\}," + Pattern.quote(name) + ",\\)\\)");
        });
        assertThat(code).containsPattern("Set\\(DB\\(" + var + "/" + var + "\\)=" + var + "\\)")
                .containsPattern("DB_DELETE\\(" + var + "/" + var + "\\)")
                .containsPattern("UserEvent\\(CallForward,Extension: " + var + ",Kind: " + var + ",Target: " + var + "\\)")
                .containsPattern("UserEvent\\(CallForward,Extension: " + var + ",Kind: " + var + ",Target: \\)");
        assertThat(code).as("the CF lamp follows").containsPattern("Set\\(DEVICE_STATE\\("
                + Pattern.quote(prefixOf("cfDeviceState")) + var + "\\)=BUSY\\)");

        // queue login / logout with the gateway's member and state interface
        assertThat(plan.finds("from-internal", "*451", "1")).as("*451").isTrue();
        assertThat(plan.finds("from-internal", "*450", "1")).as("*450").isTrue();
        String member = Pattern.quote(NAME_DEFAULTS.get("memberInterface")).replace("{ext}", "\\E" + var + "\\Q");
        String state = Pattern.quote(NAME_DEFAULTS.get("stateInterface")).replace("{ext}", "\\E" + var + "\\Q");
        assertThat(code).containsPattern("Set\\(LOCAL\\(iface\\)=" + member + "\\)")
                .containsPattern("AddQueueMember\\(" + var + ",\\$\\{iface\\},0,," + var + "," + state + "\\)")
                .containsPattern("RemoveQueueMember\\(" + var + ",\\$\\{iface\\}\\)");

        // presence: one code per presence type the gateway knows, written to the gateway's presence provider
        assertThat(plan.finds("from-internal", "*573", "1")).as("*57<n>").isTrue();
        assertThat(code).containsPattern("Set\\(PRESENCE_STATE\\(" + Pattern.quote(prefixOf("presenceProvider")) + var
                + "\\)=" + var + ",,\\)");
        String presences = Conf.load("extensions.conf").section("globals").single("GATEWAY_PRESENCES");
        assertThat(List.of(presences.split("&"))).containsExactlyElementsOf(java.util.Arrays
                .stream(io.profilegateway.profile.PresenceType.values()).map(Object::toString).toList());
    }

    @Test
    void featureCodesCallTheGatewaysFastAgiServerAndFallBackToAmi() throws NoSuchMethodException {
        String port = io.profilegateway.dialplan.AgiConfig.class.getMethod("port")
                .getAnnotation(io.smallrye.config.WithDefault.class).value();
        Entry agi = Conf.load("extensions.conf").section("globals").entries.stream()
                .filter(e -> e.key.equals("GATEWAY_AGI")).findFirst().orElseThrow();
        assertThat(agi.value).as("GATEWAY_AGI").isEqualTo("agi://gateway:" + port);

        Dialplan plan = Dialplan.load();
        String code = plan.code();
        Set<String> called = new java.util.TreeSet<>();
        Matcher direct = Pattern.compile("AGI\\(\\$\\{GATEWAY_AGI\\}/([a-z]+)").matcher(code);
        while (direct.find()) {
            called.add(direct.group(1));
        }
        Matcher viaGosub = Pattern.compile("Gosub\\(gateway-agi,s,1\\(([a-z]+)\\)\\)").matcher(code);
        while (viaGosub.find()) {
            called.add(viaGosub.group(1));
        }
        assertThat(called).as("FastAGI scripts the dialplan calls")
                .containsExactlyInAnyOrderElementsOf(io.profilegateway.dialplan.FeatureCodes.SCRIPTS);
        assertThat(code).contains("AGI(${GATEWAY_AGI}/profile?id=${ARG1})");
        assertThat(plan.finds("from-internal", "*56", "1")).as("*56").isTrue();
        assertThat(plan.finds("from-internal", "*55", "1")).as("*55 alone").isTrue();
        // every AGI call looks at AGISTATUS right after it: an unreachable gateway falls back, never hangs silent
        for (Step step : plan.steps()) {
            if (step.app.equals("AGI")) {
                List<Step> ext = plan.contexts.values().stream().map(c -> c.extensions.get(step.exten))
                        .filter(s -> s != null && s.contains(step)).findFirst().orElseThrow();
                Step next = ext.get(ext.indexOf(step) + 1);
                assertThat(next.app + "(" + next.data + ")").as("after AGI at line %d", step.line)
                        .startsWith("GotoIf($[\"${AGISTATUS}\" = \"SUCCESS\"]?");
            }
        }
    }

    @Test
    void labelsAndLoopsAreConsistent() {
        Dialplan plan = Dialplan.load();
        for (Context c : plan.contexts.values()) {
            for (Map.Entry<String, List<Step>> ext : c.extensions.entrySet()) {
                Set<String> labels = ext.getValue().stream().map(s -> s.label).filter(l -> l != null)
                        .collect(Collectors.toSet());
                int whiles = 0;
                int endWhiles = 0;
                for (Step s : ext.getValue()) {
                    for (String target : labelTargets(s)) {
                        assertThat(labels).as("label %s used at line %d in [%s] %s", target, s.line, c.name,
                                ext.getKey()).contains(target);
                    }
                    whiles += s.app.equalsIgnoreCase("While") ? 1 : 0;
                    endWhiles += s.app.equalsIgnoreCase("EndWhile") ? 1 : 0;
                }
                assertThat(endWhiles).as("EndWhile per While in [%s] %s", c.name, ext.getKey()).isEqualTo(whiles);
            }
        }
    }

    @Test
    void noLineHasUnbalancedParenthesesOrBraces() {
        for (String file : List.of("manager.conf", "queues.conf", "extensions.conf")) {
            Conf conf = Conf.load(file);
            for (Section s : conf.sections) {
                for (Entry e : s.entries) {
                    String problem = unbalanced(e.key + "=" + e.value);
                    if (problem != null) {
                        fail("%s line %d: %s in: %s = %s", file, e.line, problem, e.key, e.value);
                    }
                }
            }
        }
        assertThat(unbalanced("Set(x=${DB(A/${y})})")).isNull();
        assertThat(unbalanced("Set(x=${DB(A/${y}))")).isNotNull();
        assertThat(unbalanced("GotoIf($[${a} = 1?x)")).isNotNull();
        assertThat(unbalanced("Dial(${x)}")).isNotNull();
    }

    @Test
    void parserUnderstandsAsteriskSyntax() {
        Conf conf = Conf.parse("t.conf", List.of(
                "; a comment", "[ctx](+)", "exten => 1,1,NoOp(a\\;b) ; trailing", " same => n(l),Return()",
                "key=value=more", "eventfilter(name(X)) =", ";-- block", "[not-a-section]", "--;", "#include x.conf"));
        Section ctx = conf.section("ctx");
        assertThat(ctx.entries).extracting(e -> e.key).containsExactly("exten", "same", "key", "eventfilter(name(X))");
        assertThat(ctx.entries.get(0).value).isEqualTo("1,1,NoOp(a;b)");
        assertThat(ctx.entries.get(2).value).isEqualTo("value=more");
        assertThat(ctx.entries.get(3).value).isEmpty();
        assertThat(conf.sections).hasSize(1);
        assertThat(Dialplan.matches("_*55X.", "*5512")).isTrue();
        assertThat(Dialplan.matches("_*55X.", "*551")).isFalse();
        assertThat(Dialplan.matches("_1XXX", "1001")).isTrue();
        assertThat(Dialplan.matches("_[13]N!", "12")).isTrue();
        assertThat(Dialplan.matches("_[13]N!", "11")).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------------------

    private static Set<String> classes(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static String expand(String name, String ext) {
        return NAME_DEFAULTS.get(name).replace("{ext}", ext);
    }

    private static String prefixOf(String name) {
        String pattern = NAME_DEFAULTS.get(name);
        return pattern.substring(0, pattern.indexOf("{ext}"));
    }

    /** {@code Local/{ext}@from-queue/n} -> from-queue, {@code hint:{ext}@ext-local} -> ext-local. */
    private static String contextOf(String iface) {
        String after = iface.substring(iface.indexOf('@') + 1);
        int slash = after.indexOf('/');
        return slash < 0 ? after : after.substring(0, slash);
    }

    /** The labels a GotoIf / Goto of this step jumps to within its own extension. */
    private static List<String> labelTargets(Step s) {
        List<String> targets = new ArrayList<>();
        String d = s.data;
        if (s.app.equalsIgnoreCase("GotoIf")) {
            int q = conditionEnd(d);
            if (q < 0) {
                fail("GotoIf without $[...]? at line %d: %s", s.line, d);
            }
            for (String branch : d.substring(q + 1).split(":", -1)) {
                targets.add(branch.trim());
            }
        } else if (s.app.equalsIgnoreCase("Goto")) {
            targets.add(d.trim());
        }
        targets.removeIf(t -> t.isEmpty() || t.contains(",") || t.matches("\\d+") || t.contains("$"));
        return targets;
    }

    /** Index of the '?' after the {@code $[...]} condition at the start of {@code data}, or -1. */
    private static int conditionEnd(String data) {
        if (!data.startsWith("$[")) {
            return -1;
        }
        int depth = 0;
        for (int i = 1; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1 < data.length() && data.charAt(i + 1) == '?' ? i + 1 : -1;
            }
        }
        return -1;
    }

    /** Null when (), [] and ${} nest properly in {@code text}, else what is wrong. */
    static String unbalanced(String text) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '(' -> open.push(')');
                case '[' -> open.push(']');
                case '{' -> {
                    if (i == 0 || text.charAt(i - 1) != '$') {
                        return "'{' without '$' at " + i;
                    }
                    open.push('}');
                }
                case ')', ']', '}' -> {
                    if (open.isEmpty() || open.pop() != c) {
                        return "unexpected '" + c + "' at " + i;
                    }
                }
                default -> {
                }
            }
        }
        return open.isEmpty() ? null : "unclosed, expecting " + open;
    }

    // ---------------------------------------------------------------------------------------------------------
    // a small parser of Asterisk's configuration format
    // ---------------------------------------------------------------------------------------------------------

    /** One {@code key = value} or {@code key => value} line. */
    record Entry(String key, String value, int line) {
    }

    static final class Section {
        final String name;
        final List<Entry> entries = new ArrayList<>();

        Section(String name) {
            this.name = name;
        }

        List<String> values(String key) {
            return entries.stream().filter(e -> e.key.equalsIgnoreCase(key)).map(Entry::value).toList();
        }

        String single(String key) {
            List<String> v = values(key);
            assertThat(v).as("[%s] %s", name, key).hasSize(1);
            return v.get(0);
        }
    }

    static final class Conf {
        final String file;
        final List<Section> sections = new ArrayList<>();

        private Conf(String file) {
            this.file = file;
        }

        static Conf load(String file) {
            try {
                return parse(file, Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Sections {@code [name]} (with an optional {@code (template)} suffix), {@code key = value} and
         * {@code key => value} lines, comments from {@code ;} (not {@code \;}) and {@code ;-- ... --;} blocks;
         * {@code #include} / {@code #exec} lines are skipped. Anything else is a syntax error.
         */
        static Conf parse(String file, List<String> lines) {
            Conf conf = new Conf(file);
            Section current = null;
            boolean inBlock = false;
            for (int n = 1; n <= lines.size(); n++) {
                String raw = lines.get(n - 1);
                StringBuilder code = new StringBuilder();
                for (int i = 0; i < raw.length(); i++) {
                    if (inBlock) {
                        if (raw.startsWith("--;", i)) {
                            inBlock = false;
                            i += 2;
                        }
                        continue;
                    }
                    char c = raw.charAt(i);
                    if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ';') {
                        code.append(';');
                        i++;
                    } else if (raw.startsWith(";--", i)) {
                        inBlock = true;
                        i += 2;
                    } else if (c == ';') {
                        break;
                    } else {
                        code.append(c);
                    }
                }
                String line = code.toString().trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    int end = line.indexOf(']');
                    if (end < 2) {
                        fail("%s line %d: bad section header: %s", file, n, raw);
                    }
                    String rest = line.substring(end + 1).trim();
                    if (!rest.isEmpty() && !(rest.startsWith("(") && rest.endsWith(")"))) {
                        fail("%s line %d: text after section header: %s", file, n, raw);
                    }
                    current = new Section(line.substring(1, end).trim());
                    conf.sections.add(current);
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    fail("%s line %d: neither a section nor key = value: %s", file, n, raw);
                }
                if (current == null) {
                    fail("%s line %d: entry outside of any section: %s", file, n, raw);
                }
                String value = line.substring(eq + 1);
                if (value.startsWith(">")) {
                    value = value.substring(1);
                }
                current.entries.add(new Entry(line.substring(0, eq).trim(), value.trim(), n));
            }
            return conf;
        }

        Section section(String name) {
            List<Section> found = sections.stream().filter(s -> s.name.equals(name)).toList();
            assertThat(found).as("[%s] in %s", name, file).hasSize(1);
            return found.get(0);
        }
    }

    /** One dialplan line: a priority of an extension (or its hint). */
    record Step(String exten, String priority, String label, String app, String data, int line) {
    }

    static final class Context {
        final String name;
        final Map<String, List<Step>> extensions = new LinkedHashMap<>();
        final List<String> includes = new ArrayList<>();

        Context(String name) {
            this.name = name;
        }

        Step hint(String exten) {
            return extensions.getOrDefault(exten, List.of()).stream().filter(s -> s.priority.equals("hint"))
                    .findFirst().orElse(null);
        }
    }

    static final class Dialplan {
        private static final Pattern PRIORITY = Pattern.compile("(hint|\\d+|n|s|same)(?:\\+\\d+)?(?:\\(([A-Za-z0-9_-]+)\\))?");

        final Map<String, Context> contexts = new LinkedHashMap<>();
        private final List<Step> steps = new ArrayList<>();

        static Dialplan load() {
            Conf conf = Conf.load("extensions.conf");
            Dialplan plan = new Dialplan();
            for (Section s : conf.sections) {
                if (s.name.equals("general") || s.name.equals("globals")) {
                    continue;
                }
                assertThat(plan.contexts).as("context [%s] defined once", s.name).doesNotContainKey(s.name);
                Context ctx = new Context(s.name);
                plan.contexts.put(s.name, ctx);
                String exten = null;
                for (Entry e : s.entries) {
                    String v = e.value;
                    switch (e.key.toLowerCase(Locale.ROOT)) {
                        case "include" -> ctx.includes.add(v);
                        case "exten" -> {
                            int c = v.indexOf(',');
                            assertThat(c).as("exten line %d", e.line).isPositive();
                            exten = v.substring(0, c).trim();
                            plan.add(ctx, exten, v.substring(c + 1), e.line);
                        }
                        case "same" -> {
                            assertThat(exten).as("same => without exten, line %d", e.line).isNotNull();
                            plan.add(ctx, exten, v, e.line);
                        }
                        default -> fail("extensions.conf line %d: unexpected %s in [%s]", e.line, e.key, s.name);
                    }
                }
            }
            return plan;
        }

        private void add(Context ctx, String exten, String priorityAndApp, int line) {
            int c = priorityAndApp.indexOf(',');
            assertThat(c).as("priority and application, line %d", line).isPositive();
            String prio = priorityAndApp.substring(0, c).trim();
            Matcher m = PRIORITY.matcher(prio);
            assertThat(m.matches()).as("priority '%s', line %d", prio, line).isTrue();
            String rest = priorityAndApp.substring(c + 1).trim();
            String app;
            String data;
            if (m.group(1).equals("hint")) {
                app = "hint";
                data = rest;
            } else {
                int open = rest.indexOf('(');
                assertThat(open).as("Application(args), line %d: %s", line, rest).isPositive();
                assertThat(rest).as("line %d ends with ')'", line).endsWith(")");
                app = rest.substring(0, open).trim();
                assertThat(app).as("application name, line %d", line).matches("[A-Za-z_]+");
                data = rest.substring(open + 1, rest.length() - 1);
            }
            String number = m.group(1);
            Step step = new Step(exten, number.equals("hint") ? "hint" : number, m.group(2), app, data, line);
            ctx.extensions.computeIfAbsent(exten, k -> new ArrayList<>()).add(step);
            steps.add(step);
        }

        List<Step> steps() {
            return steps;
        }

        /** Every application's arguments and every hint, one per line. */
        String code() {
            return steps.stream().map(s -> s.app + "(" + s.data + ")").collect(Collectors.joining("\n"));
        }

        /** Whether dialling {@code exten} in {@code context} finds priority 1 (through includes, as Asterisk). */
        boolean finds(String context, String exten, String priority) {
            if (!priority.equals("1")) {
                return true; // labels and later priorities are checked by labelsAndLoopsAreConsistent
            }
            return finds(context, exten, new HashSet<>());
        }

        private boolean finds(String context, String exten, Set<String> seen) {
            Context c = contexts.get(context);
            if (c == null || !seen.add(context)) {
                return false;
            }
            for (Map.Entry<String, List<Step>> e : c.extensions.entrySet()) {
                boolean hasOne = e.getValue().stream().anyMatch(s -> s.priority.equals("1"));
                if (hasOne && matches(e.getKey(), exten)) {
                    return true;
                }
            }
            return c.includes.stream().anyMatch(inc -> finds(inc, exten, seen));
        }

        /** Asterisk's extension matching: a literal name, or a {@code _} pattern with X Z N [..] . !. */
        static boolean matches(String name, String dialled) {
            if (!name.startsWith("_")) {
                return name.equals(dialled);
            }
            StringBuilder re = new StringBuilder();
            for (int i = 1; i < name.length(); i++) {
                char c = name.charAt(i);
                switch (Character.toUpperCase(c)) {
                    case 'X' -> re.append("[0-9]");
                    case 'Z' -> re.append("[1-9]");
                    case 'N' -> re.append("[2-9]");
                    case '.' -> re.append(".+");
                    case '!' -> re.append(".*");
                    case '[' -> {
                        int end = name.indexOf(']', i);
                        re.append('[').append(name, i + 1, end).append(']');
                        i = end;
                    }
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return dialled.matches(re.toString());
        }
    }
}
