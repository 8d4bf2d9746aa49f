package io.profilegateway.pbx.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The in-memory state of the simulated Asterisk: AstDB, queues and their dynamic members, device states (custom and
 * others), custom presence states, dialplan hints and global variables. Thread-safe: one lock orders every change,
 * and the events a change causes are published under that lock, so every session sees them in the same order.
 *
 * <p>As in Asterisk, custom device states ({@code Custom:x}) and custom presence states ({@code CustomPresence:x})
 * are kept in AstDB (families {@code CustomDevstate} and {@code CustomPresence}) and therefore survive a
 * {@linkplain AmiSimulator#restart() restart}, while dynamic queue members do not.
 *
 * <p>The public methods inspect the state or seed it silently (no events), for test set-up. Changes as a phone user
 * would make them, with events, are on {@link PhoneSide}.
 */
public final class SimulatedPbx {

    static final String CUSTOM = "Custom:";
    static final String CUSTOM_PRESENCE = "CustomPresence:";
    static final String DEVSTATE_FAMILY = "CustomDevstate";
    static final String PRESENCE_FAMILY = "CustomPresence";

    /** Outcome of adding a queue member. */
    enum AddResult { ADDED, EXISTS, NO_SUCH_QUEUE }

    /** Outcome of removing a queue member. */
    enum RemoveResult { REMOVED, NOT_THERE, NO_SUCH_QUEUE }

    private static final class Member {
        final Queue queue;
        final String iface;
        final String memberName;
        final String stateInterface;
        int penalty;
        final int wrapupTime;
        final long loginTime;
        boolean paused;
        String reasonPaused = "";
        long lastPause;
        DeviceState status;

        Member(Queue queue, String iface, String memberName, String stateInterface, int penalty, int wrapupTime,
                long loginTime) {
            this.queue = queue;
            this.iface = iface;
            this.memberName = memberName;
            this.stateInterface = stateInterface;
            this.penalty = penalty;
            this.wrapupTime = wrapupTime;
            this.loginTime = loginTime;
        }
    }

    private static final class Queue {
        final String name;
        final Map<String, Member> members = new LinkedHashMap<>();

        Queue(String name) {
            this.name = name;
        }
    }

    private static final class HintState {
        final String exten;
        final String context;
        final String text;
        final List<String> devices;
        final String presenceProvider;
        int lastState;
        Presence lastPresence;

        HintState(AmiSimulatorConfig.Hint hint) {
            this.exten = hint.exten();
            this.context = hint.context();
            this.text = hint.hint();
            int comma = text.indexOf(',');
            String devicePart = comma < 0 ? text : text.substring(0, comma);
            List<String> list = new ArrayList<>();
            for (String d : devicePart.split("&")) {
                if (!d.isBlank()) {
                    list.add(normalize(d.trim()));
                }
            }
            this.devices = List.copyOf(list);
            String provider = comma < 0 ? "" : text.substring(comma + 1).trim();
            this.presenceProvider = provider.isEmpty() ? null : normalize(provider);
        }
    }

    private final Object lock = new Object();
    private final AstDb db = new AstDb();
    private final PjsipEndpoints pjsip = new PjsipEndpoints();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, DeviceState> devices = new HashMap<>();
    private final Map<String, Presence> presences = new HashMap<>();
    private final Map<String, HintState> hints = new LinkedHashMap<>();
    private final Map<String, List<HintState>> hintsByDevice = new HashMap<>();
    private final Map<String, List<HintState>> hintsByPresence = new HashMap<>();
    private final Map<String, List<Member>> membersByStateInterface = new HashMap<>();
    private final Map<String, String> globals = new HashMap<>();
    private final DeviceState defaultDeviceState;
    private final boolean anyQueue;
    private volatile EventSink sink = EventSink.NONE;

    SimulatedPbx(AmiSimulatorConfig config) {
        this.defaultDeviceState = config.defaultDeviceState();
        this.anyQueue = config.acceptsAnyQueue();
        for (String q : config.queues()) {
            queues.put(lower(q), new Queue(q));
        }
        for (AmiSimulatorConfig.Hint h : config.hints()) {
            HintState hs = new HintState(h);
            hints.put(hintKey(h.exten(), h.context()), hs);
            for (String d : hs.devices) {
                hintsByDevice.computeIfAbsent(lower(d), k -> new ArrayList<>()).add(hs);
            }
            if (hs.presenceProvider != null) {
                hintsByPresence.computeIfAbsent(lower(hs.presenceProvider), k -> new ArrayList<>()).add(hs);
            }
        }
        synchronized (lock) {
            reloadLocked();
        }
    }

    void setEventSink(EventSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    // ------------------------------------------------------------------------------------------------ inspection

    /** @return a copy of AstDB, keys {@code /family/key}, ordered by key */
    public Map<String, String> astDb() {
        return db.snapshot();
    }

    /**
     * @param family AstDB family, e.g. {@code DND}
     * @param key    key within the family, e.g. {@code 1001}
     * @return the value, or {@code null} when there is no such entry
     */
    public String dbGet(String family, String key) {
        return db.get(family, key);
    }

    /** @return the configured queue names, in configuration order */
    public List<String> queueNames() {
        synchronized (lock) {
            List<String> names = new ArrayList<>();
            for (Queue q : queues.values()) {
                names.add(q.name);
            }
            return names;
        }
    }

    /**
     * @param queue queue name (case-insensitive)
     * @return the queue's members in the order they were added
     * @throws IllegalArgumentException when there is no such queue
     */
    public List<QueueMemberSnapshot> queueMembers(String queue) {
        synchronized (lock) {
            Queue q = queues.get(lower(queue));
            if (q == null) {
                throw new IllegalArgumentException("No such queue: " + queue);
            }
            List<QueueMemberSnapshot> result = new ArrayList<>();
            for (Member m : q.members.values()) {
                result.add(new QueueMemberSnapshot(q.name, m.iface, m.memberName, m.stateInterface, m.penalty,
                        m.paused, m.reasonPaused, m.loginTime, m.lastPause, m.wrapupTime, m.status));
            }
            return result;
        }
    }

    /**
     * @param device a device, e.g. {@code Custom:DND1001}, {@code PJSIP/1001} or {@code hint:1001@default}
     * @return its state: for {@code Custom:} devices never set {@link DeviceState#UNKNOWN}, for other unknown
     *         devices the configured default
     */
    public DeviceState deviceState(String device) {
        synchronized (lock) {
            return stateOfLocked(normalize(device));
        }
    }

    /**
     * @return every cached device state, as {@code DeviceStateList} reports them (device → state name)
     */
    public java.util.SortedMap<String, String> cachedDeviceStates() {
        synchronized (lock) {
            java.util.SortedMap<String, String> all = new java.util.TreeMap<>();
            devices.forEach((device, state) -> all.put(device, state.name()));
            return all;
        }
    }

    /**
     * @param provider a presence provider, e.g. {@code CustomPresence:1001}
     * @return its presence ({@link Presence#NOT_SET} when never set), or {@code null} when it is not a
     *         {@code CustomPresence:} provider (Asterisk: invalid provider)
     */
    public Presence presence(String provider) {
        synchronized (lock) {
            return presenceOfLocked(normalize(provider), true);
        }
    }

    /**
     * @param exten   extension
     * @param context context
     * @return the hint's extension state as {@code ExtensionState} reports it ({@code 0} idle, {@code 1} in use,
     *         {@code 2} busy, {@code 4} unavailable, {@code 8} ringing, {@code 16} on hold), {@code -1} without hint
     */
    public int extensionState(String exten, String context) {
        synchronized (lock) {
            HintState h = hints.get(hintKey(exten, context));
            return h == null ? ExtensionStates.NO_HINT : hintStateLocked(h);
        }
    }

    /**
     * @param name a global dialplan variable
     * @return its value, or {@code null}
     */
    public String globalVariable(String name) {
        synchronized (lock) {
            return globals.get(name);
        }
    }

    // --------------------------------------------------------------------------------------------------- seeding

    /**
     * Puts an AstDB entry without any event (as if it had been there before).
     *
     * @param family family
     * @param key    key
     * @param value  value
     */
    public void seedDb(String family, String key, String value) {
        db.put(family, key, Objects.requireNonNull(value, "value"));
    }

    /**
     * Sets a device state without any event (as if it had been so before the test); a {@code Custom:} state is also
     * written to AstDB as Asterisk does.
     *
     * @param device device name
     * @param state  state
     */
    public void seedDeviceState(String device, DeviceState state) {
        synchronized (lock) {
            String d = normalize(device);
            if (isCustom(d)) {
                db.put(DEVSTATE_FAMILY, d.substring(CUSTOM.length()), state.name());
            }
            changeDeviceLocked(d, state, false);
        }
    }

    /**
     * Sets a custom presence without any event.
     *
     * @param provider a {@code CustomPresence:} provider
     * @param presence the presence
     */
    public void seedPresence(String provider, Presence presence) {
        synchronized (lock) {
            String p = requireCustomPresence(provider);
            db.put(PRESENCE_FAMILY, p.substring(CUSTOM_PRESENCE.length()), PresenceValues.format(presence));
            changePresenceLocked(p, presence, false);
        }
    }

    /**
     * Adds a dynamic queue member without any event (as if it had been added before the test).
     *
     * @param queue          queue name
     * @param iface          interface
     * @param memberName     member name, empty or null for the interface
     * @param stateInterface state interface, empty or null for the interface
     * @param penalty        penalty
     * @param paused         paused
     * @param reason         pause reason, may be null
     * @return whether it was added (false when already there)
     * @throws IllegalArgumentException when there is no such queue
     */
    public boolean seedMember(String queue, String iface, String memberName, String stateInterface, int penalty,
            boolean paused, String reason) {
        synchronized (lock) {
            AddResult r = addMemberLocked(queue, iface, memberName, stateInterface, penalty, paused, reason, 0, false);
            if (r == AddResult.NO_SUCH_QUEUE) {
                throw new IllegalArgumentException("No such queue: " + queue);
            }
            return r == AddResult.ADDED;
        }
    }

    /**
     * Configures a PJSIP endpoint (as pjsip.conf would), for {@code PJSIPShowEndpoints} / {@code PJSIPShowEndpoint}.
     *
     * @param name     the endpoint's id, e.g. {@code 1001}
     * @param aors     its AORs, comma-separated as in pjsip.conf
     * @param callerid its {@code callerid}, e.g. {@code "Anna Schmidt" <1001>}; null or empty for none
     */
    public void seedEndpoint(String name, String aors, String callerid) {
        List<String> list = aors == null || aors.isBlank() ? List.of()
                : java.util.Arrays.stream(aors.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        pjsip.put(new PjsipEndpoints.Endpoint(name, list, callerid));
    }

    /** Removes every PJSIP endpoint. */
    public void clearEndpoints() {
        pjsip.clear();
    }

    // ---------------------------------------------------------------------------------------- actions (internal)

    AstDb db() {
        return db;
    }

    PjsipEndpoints pjsip() {
        return pjsip;
    }

    AddResult addMember(String queue, String iface, String memberName, String stateInterface, int penalty,
            boolean paused, String reason, int wrapupTime) {
        synchronized (lock) {
            return addMemberLocked(queue, iface, memberName, stateInterface, penalty, paused, reason, wrapupTime, true);
        }
    }

    RemoveResult removeMember(String queue, String iface) {
        synchronized (lock) {
            Queue q = queues.get(lower(queue));
            if (q == null) {
                return RemoveResult.NO_SUCH_QUEUE;
            }
            Member m = q.members.get(lower(iface));
            if (m == null) {
                return RemoveResult.NOT_THERE;
            }
            publish(EventCategory.AGENT, memberEvent("QueueMemberRemoved", q, m, m.reasonPaused), true);
            q.members.remove(lower(iface));
            List<Member> same = membersByStateInterface.get(lower(m.stateInterface));
            if (same != null) {
                same.remove(m);
                if (same.isEmpty()) {
                    membersByStateInterface.remove(lower(m.stateInterface));
                }
            }
            changeDeviceLocked(pauseDevice(q, m), DeviceState.NOT_INUSE, true);
            return RemoveResult.REMOVED;
        }
    }

    /**
     * Pauses or unpauses an interface in one queue, or in every queue when {@code queue} is empty, as Asterisk's
     * {@code set_member_paused}.
     *
     * @return whether the interface was found in at least one queue
     */
    boolean pauseMember(String queue, String iface, String reason, boolean paused) {
        synchronized (lock) {
            boolean found = false;
            for (Queue q : queues.values()) {
                if (queue == null || queue.isEmpty() || q.name.equalsIgnoreCase(queue)) {
                    Member m = q.members.get(lower(iface));
                    if (m != null) {
                        found = true;
                        setPausedLocked(q, m, reason == null ? "" : reason, paused);
                    }
                }
            }
            return found;
        }
    }

    /**
     * Sets an interface's penalty in one queue, or in every queue when {@code queue} is empty, as Asterisk's
     * {@code set_member_value}; publishes {@code QueueMemberPenalty}.
     *
     * @return whether the interface was found in at least one queue
     */
    boolean setPenalty(String queue, String iface, int penalty) {
        synchronized (lock) {
            boolean found = false;
            for (Queue q : queues.values()) {
                if (queue == null || queue.isEmpty() || q.name.equalsIgnoreCase(queue)) {
                    Member m = q.members.get(lower(iface));
                    if (m != null) {
                        found = true;
                        m.penalty = penalty;
                        publish(EventCategory.AGENT, AmiMessage.event("QueueMemberPenalty")
                                .add("Privilege", EventCategory.AGENT.privilege()).add("Queue", q.name)
                                .add("Interface", m.iface).add("Penalty", penalty), true);
                    }
                }
            }
            return found;
        }
    }

    /**
     * The events of {@code QueueStatus} (without ActionID): a {@code QueueParams} per matching queue and a
     * {@code QueueMember} per matching member.
     */
    List<AmiMessage> queueStatus(String queueFilter, String memberFilter) {
        synchronized (lock) {
            List<AmiMessage> events = new ArrayList<>();
            for (Queue q : queues.values()) {
                if (!queueFilter.isEmpty() && !q.name.equalsIgnoreCase(queueFilter)) {
                    continue;
                }
                events.add(AmiMessage.event("QueueParams")
                        .add("Queue", q.name)
                        .add("Max", "0")
                        .add("Strategy", "ringall")
                        .add("Calls", "0")
                        .add("Holdtime", "0")
                        .add("TalkTime", "0")
                        .add("Completed", "0")
                        .add("Abandoned", "0")
                        .add("ServiceLevel", "0")
                        .add("ServicelevelPerf", "0.0")
                        .add("ServicelevelPerf2", "0.0")
                        .add("Weight", "0"));
                for (Member m : q.members.values()) {
                    if (!memberFilter.isEmpty() && !m.iface.equals(memberFilter)
                            && !m.memberName.equals(memberFilter)) {
                        continue;
                    }
                    events.add(AmiMessage.event("QueueMember")
                            .add("Queue", q.name)
                            .add("Name", m.memberName)
                            .add("Location", m.iface)
                            .add("StateInterface", m.stateInterface)
                            .add("Membership", "dynamic")
                            .add("Penalty", m.penalty)
                            .add("CallsTaken", "0")
                            .add("LastCall", "0")
                            .add("LastPause", m.lastPause)
                            .add("LoginTime", m.loginTime)
                            .add("InCall", "0")
                            .add("Status", m.status.code())
                            .add("Paused", m.paused ? "1" : "0")
                            .add("PausedReason", m.reasonPaused)
                            .add("Wrapuptime", m.wrapupTime));
                }
            }
            return events;
        }
    }

    /**
     * Sets a device state and publishes what Asterisk would: {@code ExtensionStatus} for hints whose state changes,
     * {@code DeviceStateChange} when the device's state changes, {@code QueueMemberStatus} for members whose status
     * changes. A {@code Custom:} state is also written to AstDB (family {@code CustomDevstate}) with {@code raw}.
     */
    void setDeviceState(String device, DeviceState state, String raw) {
        synchronized (lock) {
            String d = normalize(device);
            if (isCustom(d)) {
                db.put(DEVSTATE_FAMILY, d.substring(CUSTOM.length()), raw == null ? state.name() : raw);
            }
            changeDeviceLocked(d, state, true);
        }
    }

    /**
     * Sets a custom presence, writes it to AstDB (family {@code CustomPresence}) as {@code raw} and publishes
     * {@code PresenceStatus} for hints whose presence changes and {@code PresenceStateChange}.
     */
    void setPresence(String provider, Presence presence, String raw) {
        synchronized (lock) {
            String p = requireCustomPresence(provider);
            db.put(PRESENCE_FAMILY, p.substring(CUSTOM_PRESENCE.length()),
                    raw == null ? PresenceValues.format(presence) : raw);
            changePresenceLocked(p, presence, true);
        }
    }

    /** Reads a presence from AstDB, bypassing the cache, as {@code PRESENCE_STATE()} reads it. */
    Presence presenceNoCache(String provider) {
        synchronized (lock) {
            return presenceOfLocked(normalize(provider), false);
        }
    }

    /** @return the hint text of an extension, or {@code null} without hint */
    String hintText(String exten, String context) {
        HintState h = hints.get(hintKey(exten, context));
        return h == null ? null : h.text;
    }

    void setGlobal(String name, String value) {
        synchronized (lock) {
            if (value == null || value.isEmpty()) {
                globals.remove(name);
            } else {
                globals.put(name, value);
            }
        }
    }

    /** Publishes a {@code UserEvent}: {@code UserEvent: <name>}, then the given headers in order. */
    void userEvent(String name, List<AmiMessage.Header> headers) {
        synchronized (lock) {
            AmiMessage ev = AmiMessage.event("UserEvent")
                    .add("Privilege", EventCategory.USER.privilege())
                    .add("UserEvent", name);
            for (AmiMessage.Header h : headers) {
                ev.add(h);
            }
            publish(EventCategory.USER, ev, true);
        }
    }

    /**
     * Forgets what a restart of Asterisk forgets (dynamic members, cached device states, global variables) and
     * reloads custom device and presence states from AstDB, as Asterisk does on start.
     */
    void restart() {
        synchronized (lock) {
            for (Queue q : queues.values()) {
                q.members.clear();
            }
            membersByStateInterface.clear();
            globals.clear();
            reloadLocked();
        }
    }

    // ------------------------------------------------------------------------------------------------- internals

    private void reloadLocked() {
        Map<String, DeviceState> phones = new HashMap<>();
        for (Map.Entry<String, DeviceState> e : devices.entrySet()) {
            if (!isCustom(e.getKey()) && !e.getKey().startsWith("Queue:")) {
                phones.put(e.getKey(), e.getValue());
            }
        }
        devices.clear();
        devices.putAll(phones);
        for (Map.Entry<String, String> e : db.family(DEVSTATE_FAMILY).entrySet()) {
            devices.put(CUSTOM + e.getKey(), DeviceState.parse(e.getValue()));
        }
        presences.clear();
        for (Map.Entry<String, String> e : db.family(PRESENCE_FAMILY).entrySet()) {
            Presence p = PresenceValues.parse(e.getValue());
            if (p != null) {
                presences.put(CUSTOM_PRESENCE + e.getKey(), p);
            }
        }
        for (HintState h : hints.values()) {
            h.lastState = hintStateLocked(h);
            h.lastPresence = h.presenceProvider == null ? null : presenceOfLocked(h.presenceProvider, true);
        }
    }

    private AddResult addMemberLocked(String queue, String iface, String memberName, String stateInterface,
            int penalty, boolean paused, String reason, int wrapupTime, boolean emit) {
        Queue q = queues.get(lower(queue));
        if (q == null && anyQueue) {
            q = new Queue(queue);
            queues.put(lower(queue), q);
        }
        if (q == null) {
            return AddResult.NO_SUCH_QUEUE;
        }
        if (q.members.containsKey(lower(iface))) {
            return AddResult.EXISTS;
        }
        long now = nowSeconds();
        Member m = new Member(q, iface, empty(memberName) ? iface : memberName,
                empty(stateInterface) ? iface : normalize(stateInterface), Math.max(0, penalty),
                Math.max(0, wrapupTime), now);
        m.paused = paused;
        if (paused) {
            m.lastPause = now;
        }
        m.reasonPaused = reason == null ? "" : reason;
        m.status = stateOfLocked(m.stateInterface);
        q.members.put(lower(iface), m);
        membersByStateInterface.computeIfAbsent(lower(m.stateInterface), k -> new ArrayList<>()).add(m);
        changeDeviceLocked(pauseDevice(q, m), paused ? DeviceState.INUSE : DeviceState.NOT_INUSE, emit);
        publish(EventCategory.AGENT, memberEvent("QueueMemberAdded", q, m, m.reasonPaused), emit);
        return AddResult.ADDED;
    }

    private void setPausedLocked(Queue q, Member m, String reason, boolean paused) {
        m.paused = paused;
        if (paused) {
            m.lastPause = nowSeconds();
        }
        m.reasonPaused = paused && !reason.isEmpty() ? reason : "";
        changeDeviceLocked(pauseDevice(q, m), paused ? DeviceState.INUSE : DeviceState.NOT_INUSE, true);
        // Asterisk shows the reason of an unpause in the event, then forgets it.
        String eventReason = !paused && !reason.isEmpty() ? reason : m.reasonPaused;
        publish(EventCategory.AGENT, memberEvent("QueueMemberPause", q, m, eventReason), true);
    }

    private static String pauseDevice(Queue q, Member m) {
        return "Queue:" + q.name + "_pause_" + m.iface;
    }

    private AmiMessage memberEvent(String name, Queue q, Member m, String pausedReason) {
        return AmiMessage.event(name)
                .add("Privilege", EventCategory.AGENT.privilege())
                .add("Queue", q.name)
                .add("MemberName", m.memberName)
                .add("Interface", m.iface)
                .add("StateInterface", m.stateInterface)
                .add("Membership", "dynamic")
                .add("Penalty", m.penalty)
                .add("CallsTaken", "0")
                .add("LastCall", "0")
                .add("LastPause", m.lastPause)
                .add("LoginTime", m.loginTime)
                .add("InCall", "0")
                .add("Status", m.status.code())
                .add("Paused", m.paused ? "1" : "0")
                .add("PausedReason", pausedReason)
                .add("Ringinuse", "1")
                .add("Wrapuptime", m.wrapupTime);
    }

    /**
     * Caches a device's new state. As for Asterisk's cachable device states, nothing is published unless the state
     * differs from the cached one (a device never seen before counts as a change).
     */
    private void changeDeviceLocked(String device, DeviceState state, boolean emit) {
        DeviceState old = devices.put(device, state);
        if (old == state) {
            return;
        }
        List<HintState> affectedHints = hintsByDevice.getOrDefault(lower(device), List.of());
        for (HintState h : affectedHints) {
            int now = hintStateLocked(h);
            if (now != h.lastState) {
                h.lastState = now;
                publish(EventCategory.CALL, AmiMessage.event("ExtensionStatus")
                        .add("Privilege", EventCategory.CALL.privilege())
                        .add("Exten", h.exten)
                        .add("Context", h.context)
                        .add("Hint", h.text)
                        .add("Status", h.lastState)
                        .add("StatusText", ExtensionStates.text(h.lastState)), emit);
            }
        }
        publish(EventCategory.CALL, AmiMessage.event("DeviceStateChange")
                .add("Privilege", EventCategory.CALL.privilege())
                .add("Device", device)
                .add("State", state.name()), emit);
        refreshMembersLocked(lower(device), emit);
        for (HintState h : affectedHints) {
            refreshMembersLocked(lower("hint:" + h.exten + "@" + h.context), emit);
        }
    }

    private void refreshMembersLocked(String stateInterfaceKey, boolean emit) {
        List<Member> members = membersByStateInterface.get(stateInterfaceKey);
        if (members == null) {
            return;
        }
        for (Member m : members) {
            DeviceState now = stateOfLocked(m.stateInterface);
            if (now != m.status) {
                m.status = now;
                publish(EventCategory.AGENT, memberEvent("QueueMemberStatus", m.queue, m, m.reasonPaused), emit);
            }
        }
    }

    private void changePresenceLocked(String provider, Presence presence, boolean emit) {
        presences.put(provider, presence);
        for (HintState h : hintsByPresence.getOrDefault(lower(provider), List.of())) {
            if (!presence.equals(h.lastPresence)) {
                h.lastPresence = presence;
                publish(EventCategory.CALL, AmiMessage.event("PresenceStatus")
                        .add("Privilege", EventCategory.CALL.privilege())
                        .add("Exten", h.exten)
                        .add("Context", h.context)
                        .add("Hint", h.text)
                        .add("Status", presence.state().wireName())
                        .add("Subtype", presence.subtype())
                        .add("Message", presence.message()), emit);
            }
        }
        publish(EventCategory.CALL, AmiMessage.event("PresenceStateChange")
                .add("Privilege", EventCategory.CALL.privilege())
                .add("Presentity", provider)
                .add("Status", presence.state().wireName())
                .add("Subtype", presence.subtype())
                .add("Message", presence.message()), emit);
    }

    private void publish(EventCategory category, AmiMessage event, boolean emit) {
        if (emit) {
            sink.publish(category, event);
        }
    }

    private DeviceState stateOfLocked(String device) {
        DeviceState s = devices.get(device);
        if (s != null) {
            return s;
        }
        if (isCustom(device)) {
            String v = db.get(DEVSTATE_FAMILY, device.substring(CUSTOM.length()));
            return v == null ? DeviceState.UNKNOWN : DeviceState.parse(v);
        }
        if (device.regionMatches(true, 0, "hint:", 0, 5)) {
            String rest = device.substring(5);
            int at = rest.indexOf('@');
            HintState h = at < 0 ? null : hints.get(hintKey(rest.substring(0, at), rest.substring(at + 1)));
            return h == null ? DeviceState.INVALID : ExtensionStates.toDeviceState(hintStateLocked(h));
        }
        return defaultDeviceState;
    }

    private int hintStateLocked(HintState h) {
        DeviceState.Aggregate agg = new DeviceState.Aggregate();
        for (String d : h.devices) {
            agg.add(stateOfLocked(d));
        }
        return ExtensionStates.fromDeviceState(agg.result());
    }

    private Presence presenceOfLocked(String provider, boolean useCache) {
        if (!isCustomPresence(provider) || provider.length() == CUSTOM_PRESENCE.length()) {
            return null;
        }
        if (useCache) {
            Presence cached = presences.get(provider);
            if (cached != null) {
                return cached;
            }
        }
        String raw = db.get(PRESENCE_FAMILY, provider.substring(CUSTOM_PRESENCE.length()));
        Presence p = raw == null ? null : PresenceValues.parse(raw);
        return p == null ? Presence.NOT_SET : p;
    }

    private static String requireCustomPresence(String provider) {
        String p = normalize(Objects.requireNonNull(provider, "provider"));
        if (!isCustomPresence(p) || p.length() == CUSTOM_PRESENCE.length()) {
            throw new IllegalArgumentException("Only CustomPresence: providers can be set: " + provider);
        }
        return p;
    }

    /** Spells the {@code Custom:} and {@code CustomPresence:} prefixes as Asterisk writes them in events. */
    static String normalize(String device) {
        if (device.regionMatches(true, 0, CUSTOM_PRESENCE, 0, CUSTOM_PRESENCE.length())) {
            return CUSTOM_PRESENCE + device.substring(CUSTOM_PRESENCE.length());
        }
        if (device.regionMatches(true, 0, CUSTOM, 0, CUSTOM.length())) {
            return CUSTOM + device.substring(CUSTOM.length());
        }
        return device;
    }

    static boolean isCustom(String device) {
        return device.startsWith(CUSTOM);
    }

    static boolean isCustomPresence(String provider) {
        return provider.startsWith(CUSTOM_PRESENCE);
    }

    private static String hintKey(String exten, String context) {
        return exten + "@" + lower(context);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
