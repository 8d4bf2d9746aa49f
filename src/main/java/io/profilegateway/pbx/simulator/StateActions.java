package io.profilegateway.pbx.simulator;

import java.util.Map;

/**
 * {@code Setvar}, {@code Getvar}, {@code PresenceState}, {@code ExtensionState} and {@code DeviceStateList}, answered
 * as Asterisk 22 does.
 * The simulator has no channels, so any {@code Channel} header names a channel that does not exist.
 */
final class StateActions {

    private final AmiSimulator sim;
    private final DialplanFunctions functions;

    private StateActions(AmiSimulator sim) {
        this.sim = sim;
        this.functions = new DialplanFunctions(sim.pbx());
    }

    static void register(Map<String, ActionHandler> handlers, AmiSimulator sim) {
        StateActions a = new StateActions(sim);
        handlers.put("setvar", a::setvar);
        handlers.put("getvar", a::getvar);
        handlers.put("presencestate", a::presenceState);
        handlers.put("extensionstate", a::extensionState);
        handlers.put("devicestatelist", a::deviceStateList);
    }

    private boolean setvar(AmiSession session, AmiMessage action) {
        String variable = action.value("Variable");
        String value = action.value("Value");
        if (variable.isEmpty()) {
            session.error(action, "No variable specified");
            return true;
        }
        if (!action.value("Channel").isEmpty()) {
            session.error(action, "No such channel");
            return true;
        }
        boolean ok;
        if (DialplanFunctions.isFunction(variable)) {
            ok = functions.write(variable, value);
        } else {
            sim.pbx().setGlobal(variable, value);
            ok = true;
        }
        if (ok) {
            session.ack(action, "Variable Set");
        } else {
            session.error(action, "Variable not set");
        }
        return true;
    }

    private boolean getvar(AmiSession session, AmiMessage action) {
        String variable = action.value("Variable");
        if (variable.isEmpty()) {
            session.error(action, "No variable specified");
            return true;
        }
        if (!action.value("Channel").isEmpty()) {
            session.error(action, "No such channel");
            return true;
        }
        String value = DialplanFunctions.isFunction(variable) ? functions.read(variable)
                : sim.pbx().globalVariable(variable);
        session.reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("Variable", variable)
                .add("Value", value == null ? "" : value));
        return true;
    }

    private boolean presenceState(AmiSession session, AmiMessage action) {
        String provider = action.value("Provider");
        if (provider.isEmpty()) {
            session.error(action, "No provider specified");
            return true;
        }
        Presence p = sim.pbx().presence(provider);
        if (p == null) {
            session.error(action, "Invalid provider " + provider + " or provider in invalid state");
            return true;
        }
        AmiMessage reply = AmiMessage.response("Success", action.value("ActionID"))
                .add("Message", "Presence State")
                .add("State", p.state().wireName());
        if (!p.subtype().isEmpty()) {
            reply.add("Subtype", p.subtype());
        }
        if (!p.message().isEmpty()) {
            reply.add("Message", p.message()).add("PresenceMessage", p.message());
        }
        session.reply(reply);
        return true;
    }

    private boolean extensionState(AmiSession session, AmiMessage action) {
        String exten = action.value("Exten");
        String context = action.value("Context");
        if (exten.isEmpty()) {
            session.error(action, "Extension not specified");
            return true;
        }
        if (context.isEmpty()) {
            context = "default";
        }
        int status = sim.pbx().extensionState(exten, context);
        String hint = sim.pbx().hintText(exten, context);
        session.reply(AmiMessage.response("Success", action.value("ActionID"))
                .add("Message", "Extension Status")
                .add("Exten", exten)
                .add("Context", context)
                .add("Hint", hint == null ? "" : hint)
                .add("Status", status)
                .add("StatusText", ExtensionStates.text(status)));
        return true;
    }

    /**
     * Every cached device state as res_manager_devicestate answers it: the list ack, one {@code DeviceStateChange} per
     * device with the ActionID right after the event name and no {@code Privilege} header (the cache's own AMI blob,
     * not a broadcast event), then {@code DeviceStateListComplete} with the count.
     */
    private boolean deviceStateList(AmiSession session, AmiMessage action) {
        Map<String, String> states = sim.pbx().cachedDeviceStates();
        session.listAck(action, "Device State Changes will follow");
        states.forEach((device, state) -> session.reply(AmiMessage.event("DeviceStateChange")
                .addIfPresent("ActionID", action.value("ActionID"))
                .add("Device", device)
                .add("State", state)));
        session.listComplete(action, "DeviceStateListComplete", states.size());
        return true;
    }
}
