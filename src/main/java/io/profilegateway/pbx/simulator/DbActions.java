package io.profilegateway.pbx.simulator;

import java.util.List;
import java.util.Map;

/**
 * The AstDB actions {@code DBPut}, {@code DBGet}, {@code DBDel}, {@code DBDelTree} and {@code DBGetTree}, with
 * Asterisk 22's messages.
 */
final class DbActions {

    private final AmiSimulator sim;

    private DbActions(AmiSimulator sim) {
        this.sim = sim;
    }

    static void register(Map<String, ActionHandler> handlers, AmiSimulator sim) {
        DbActions a = new DbActions(sim);
        handlers.put("dbput", a::put);
        handlers.put("dbget", a::get);
        handlers.put("dbdel", a::del);
        handlers.put("dbdeltree", a::delTree);
        handlers.put("dbgettree", a::getTree);
    }

    private boolean put(AmiSession session, AmiMessage action) {
        String family = action.value("Family");
        String key = action.value("Key");
        if (family.isEmpty()) {
            session.error(action, "No family specified");
            return true;
        }
        if (key.isEmpty()) {
            session.error(action, "No key specified");
            return true;
        }
        sim.pbx().db().put(family, key, action.value("Val"));
        session.ack(action, "Updated database successfully");
        return true;
    }

    private boolean get(AmiSession session, AmiMessage action) {
        String family = action.value("Family");
        String key = action.value("Key");
        if (family.isEmpty()) {
            session.error(action, "No family specified.");
            return true;
        }
        if (key.isEmpty()) {
            session.error(action, "No key specified.");
            return true;
        }
        String value = sim.pbx().db().get(family, key);
        if (value == null) {
            session.error(action, "Database entry not found");
            return true;
        }
        session.listAck(action, "Result will follow");
        session.listItem(action, AmiMessage.event("DBGetResponse")
                .add("Family", family)
                .add("Key", key)
                .add("Val", value));
        session.listComplete(action, "DBGetComplete", 1);
        return true;
    }

    private boolean del(AmiSession session, AmiMessage action) {
        String family = action.value("Family");
        String key = action.value("Key");
        if (family.isEmpty()) {
            session.error(action, "No family specified.");
            return true;
        }
        if (key.isEmpty()) {
            session.error(action, "No key specified.");
            return true;
        }
        if (sim.pbx().db().del(family, key)) {
            session.ack(action, "Key deleted successfully");
        } else {
            session.error(action, "Database entry could not be deleted");
        }
        return true;
    }

    private boolean delTree(AmiSession session, AmiMessage action) {
        String family = action.value("Family");
        String key = action.value("Key");
        if (family.isEmpty()) {
            session.error(action, "No family specified.");
            return true;
        }
        int deleted = sim.pbx().db().delTree(prefix(family, key));
        if (deleted == 0) {
            session.error(action, "Database entry not found");
        } else {
            session.ack(action, "Key tree deleted successfully");
        }
        return true;
    }

    private boolean getTree(AmiSession session, AmiMessage action) {
        String family = action.value("Family");
        String key = action.value("Key");
        List<Map.Entry<String, String>> entries = sim.pbx().db().tree(prefix(family, key));
        session.listAck(action, "Result will follow");
        for (Map.Entry<String, String> e : entries) {
            session.listItem(action, AmiMessage.event("DBGetTreeResponse")
                    .add("Key", e.getKey())
                    .add("Val", e.getValue()));
        }
        session.listComplete(action, "DBGetTreeComplete", entries.size());
        return true;
    }

    private static String prefix(String family, String key) {
        if (family.isEmpty()) {
            return "";
        }
        return key.isEmpty() ? "/" + family : "/" + family + "/" + key;
    }
}
