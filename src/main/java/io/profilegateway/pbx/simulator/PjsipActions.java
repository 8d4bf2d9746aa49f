package io.profilegateway.pbx.simulator;

import java.util.List;
import java.util.Map;

/**
 * {@code PJSIPShowEndpoints} and {@code PJSIPShowEndpoint} as Asterisk 22's {@code res_pjsip} answers them
 * ({@code ami_show_endpoints} / {@code ami_show_endpoint} in {@code pjsip_configuration.c}): a list ack, one
 * {@code EndpointList} event per endpoint (ObjectType, ObjectName, Transport, Aor, Auths, OutboundAuths, one
 * Contacts line per AOR, DeviceState, ActiveChannels), then {@code EndpointListComplete}; for one endpoint an
 * {@code EndpointDetail} event, one {@code AorDetail} per AOR and {@code EndpointDetailComplete} with their count.
 * The bytes are derived from the Asterisk source, not recorded; {@code EndpointDetail} and {@code AorDetail} carry a
 * subset of the sorcery fields a real Asterisk lists (those the gateway reads, and a few beside them).
 */
final class PjsipActions {

    private final AmiSimulator sim;

    private PjsipActions(AmiSimulator sim) {
        this.sim = sim;
    }

    static void register(Map<String, ActionHandler> handlers, AmiSimulator sim) {
        PjsipActions a = new PjsipActions(sim);
        handlers.put("pjsipshowendpoints", a::showEndpoints);
        handlers.put("pjsipshowendpoint", a::showEndpoint);
    }

    private boolean showEndpoints(AmiSession session, AmiMessage action) {
        List<PjsipEndpoints.Endpoint> endpoints = sim.pbx().pjsip().all();
        if (endpoints.isEmpty()) {
            session.error(action, "No endpoints found\n");
            return true;
        }
        session.listAck(action, "A listing of Endpoints follows, presented as EndpointList events");
        for (PjsipEndpoints.Endpoint e : endpoints) {
            AmiMessage event = event("EndpointList", action)
                    .add("ObjectType", "endpoint")
                    .add("ObjectName", e.name())
                    .add("Transport", "")
                    .add("Aor", String.join(",", e.aors()))
                    .add("Auths", e.name())
                    .add("OutboundAuths", "");
            e.aors().forEach(aor -> event.add("Contacts", ""));
            session.reply(event.add("DeviceState", stateText(e.name())).add("ActiveChannels", ""));
        }
        session.listComplete(action, "EndpointListComplete", endpoints.size());
        return true;
    }

    private boolean showEndpoint(AmiSession session, AmiMessage action) {
        String name = action.value("Endpoint");
        if (name.isEmpty()) {
            session.error(action, "PJSIPShowEndpoint requires an endpoint name\n");
            return true;
        }
        if (name.regionMatches(true, 0, "pjsip/", 0, 6)) {
            name = name.substring(6);
        }
        PjsipEndpoints.Endpoint e = sim.pbx().pjsip().get(name);
        if (e == null) {
            session.error(action, "Unable to retrieve endpoint " + name + "\n");
            return true;
        }
        session.listAck(action, "Following are Events for each object associated with the Endpoint");
        session.reply(event("EndpointDetail", action)
                .add("ObjectType", "endpoint")
                .add("ObjectName", e.name())
                .add("Context", "default")
                .add("Disallow", "")
                .add("Allow", "(ulaw|alaw)")
                .add("DtmfMode", "rfc4733")
                .add("Transport", "")
                .add("Aors", String.join(",", e.aors()))
                .add("Auth", e.name())
                .add("OutboundAuth", "")
                .add("Callerid", e.callerid())
                .add("CalleridPrivacy", "allowed_not_screened")
                .add("CalleridTag", "")
                .add("DeviceState", stateText(e.name()))
                .add("ActiveChannels", ""));
        for (String aor : e.aors()) {
            session.reply(event("AorDetail", action)
                    .add("ObjectType", "aor")
                    .add("ObjectName", aor)
                    .add("MinimumExpiration", "60")
                    .add("MaximumExpiration", "7200")
                    .add("DefaultExpiration", "3600")
                    .add("QualifyFrequency", "0")
                    .add("QualifyTimeout", "3.000000")
                    .add("MaxContacts", "1")
                    .add("RemoveExisting", "true")
                    .add("Mailboxes", "")
                    .add("OutboundProxy", "")
                    .add("SupportPath", "false")
                    .add("VoicemailExtension", "")
                    .add("TotalContacts", "0")
                    .add("ContactsRegistered", "0")
                    .add("EndpointName", e.name()));
        }
        session.listComplete(action, "EndpointDetailComplete", e.aors().size() + 1);
        return true;
    }

    private static AmiMessage event(String name, AmiMessage action) {
        return AmiMessage.event(name).addIfPresent("ActionID", action.value("ActionID"));
    }

    /**
     * {@code ast_devstate2str} of the endpoint's device state; a configured endpoint no state was ever set for is
     * Unavailable (no contact registered), never Invalid.
     */
    private String stateText(String endpoint) {
        return switch (sim.pbx().deviceState("PJSIP/" + endpoint)) {
            case NOT_INUSE -> "Not in use";
            case INUSE -> "In use";
            case BUSY -> "Busy";
            case INVALID, UNAVAILABLE -> "Unavailable";
            case RINGING -> "Ringing";
            case RINGINUSE -> "Ring+Inuse";
            case ONHOLD -> "On Hold";
            case UNKNOWN -> "Unknown";
        };
    }
}
