package io.profilegateway.pbx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.action.DbDelAction;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueuePenaltyAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.SetVarAction;

/**
 * One state-changing AMI action the reconciler sends, as an immutable value. Every value is checked on construction
 * ({@link AmiValues}): nothing with a line break or control character can become an AMI header.
 */
public sealed interface AmiCommand {

    /** The action with its headers in wire order (without ActionID), e.g. for a raw socket client. */
    Map<String, String> headers();

    /** The same as an asterisk-java action. */
    ManagerAction toAction();

    record DbPut(DbKey key, String value) implements AmiCommand {
        public DbPut {
            AmiValues.check("family", key.family());
            AmiValues.check("key", key.key());
            AmiValues.check("value", value);
        }

        public Map<String, String> headers() {
            return ordered("Action", "DBPut", "Family", key.family(), "Key", key.key(), "Val", value);
        }

        public ManagerAction toAction() {
            return new DbPutAction(key.family(), key.key(), value);
        }
    }

    record DbDel(DbKey key) implements AmiCommand {
        public DbDel {
            AmiValues.check("family", key.family());
            AmiValues.check("key", key.key());
        }

        public Map<String, String> headers() {
            return ordered("Action", "DBDel", "Family", key.family(), "Key", key.key());
        }

        public ManagerAction toAction() {
            return new DbDelAction(key.family(), key.key());
        }
    }

    /** {@code Setvar} of {@code DEVICE_STATE(name)} or {@code PRESENCE_STATE(name)}; no channel needed. */
    record SetVar(StateKind kind, String name, String value) implements AmiCommand {
        public SetVar {
            AmiValues.check("variable", name);
            AmiValues.check("value", value);
        }

        static SetVar deviceState(String device, String state) {
            return new SetVar(StateKind.DEVICE_STATE, device, state);
        }

        static SetVar presence(String provider, String value) {
            return new SetVar(StateKind.PRESENCE_STATE, provider, value);
        }

        public String variable() {
            return kind + "(" + name + ")";
        }

        public Map<String, String> headers() {
            return ordered("Action", "Setvar", "Variable", variable(), "Value", value);
        }

        public ManagerAction toAction() {
            return new SetVarAction(variable(), value);
        }
    }

    /** The two dialplan functions the gateway sets. */
    enum StateKind {
        DEVICE_STATE, PRESENCE_STATE
    }

    record QueueAdd(String queue, String memberInterface, String memberName, String stateInterface,
            QueueSeat seat) implements AmiCommand {
        public QueueAdd {
            AmiValues.check("queue", queue);
            AmiValues.check("interface", memberInterface);
            AmiValues.check("memberName", memberName);
            AmiValues.check("stateInterface", stateInterface);
            AmiValues.checkOptional("reason", seat.reason());
        }

        public Map<String, String> headers() {
            Map<String, String> headers = ordered("Action", "QueueAdd", "Queue", queue, "Interface", memberInterface,
                    "Penalty", Integer.toString(seat.penalty()), "Paused", Boolean.toString(seat.paused()),
                    "MemberName", memberName, "StateInterface", stateInterface);
            if (seat.reason() != null) {
                headers.put("Reason", seat.reason());
            }
            return headers;
        }

        public ManagerAction toAction() {
            QueueAddAction action = new QueueAddAction(queue, memberInterface, seat.penalty());
            action.setPaused(seat.paused());
            action.setMemberName(memberName);
            action.setStateInterface(stateInterface);
            if (seat.reason() != null) {
                action.setReason(seat.reason());
            }
            return action;
        }
    }

    record QueueRemove(String queue, String memberInterface) implements AmiCommand {
        public QueueRemove {
            AmiValues.check("queue", queue);
            AmiValues.check("interface", memberInterface);
        }

        public Map<String, String> headers() {
            return ordered("Action", "QueueRemove", "Queue", queue, "Interface", memberInterface);
        }

        public ManagerAction toAction() {
            return new QueueRemoveAction(queue, memberInterface);
        }
    }

    record QueuePause(String queue, String memberInterface, boolean paused, String reason) implements AmiCommand {
        public QueuePause {
            AmiValues.check("queue", queue);
            AmiValues.check("interface", memberInterface);
            AmiValues.checkOptional("reason", reason);
        }

        public Map<String, String> headers() {
            Map<String, String> headers = ordered("Action", "QueuePause", "Interface", memberInterface,
                    "Queue", queue, "Paused", Boolean.toString(paused));
            if (reason != null) {
                headers.put("Reason", reason);
            }
            return headers;
        }

        public ManagerAction toAction() {
            QueuePauseAction action = new QueuePauseAction(memberInterface, queue, paused);
            if (reason != null) {
                action.setReason(reason);
            }
            return action;
        }
    }

    record QueuePenalty(String queue, String memberInterface, int penalty) implements AmiCommand {
        public QueuePenalty {
            AmiValues.check("queue", queue);
            AmiValues.check("interface", memberInterface);
        }

        public Map<String, String> headers() {
            return ordered("Action", "QueuePenalty", "Interface", memberInterface, "Penalty",
                    Integer.toString(penalty), "Queue", queue);
        }

        public ManagerAction toAction() {
            return new QueuePenaltyAction(memberInterface, penalty, queue);
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
