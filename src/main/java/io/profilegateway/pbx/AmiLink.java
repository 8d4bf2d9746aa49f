package io.profilegateway.pbx;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The gateway's small view of one Asterisk server's AMI connection: send a command asynchronously (answers arrive in
 * order on the link's reader thread, so callbacks must only hand work off), read what Asterisk holds, and hear its
 * events. The implementation reconnects by itself.
 */
public interface AmiLink extends AutoCloseable {

    String server();

    boolean isConnected();

    /**
     * Sends without waiting; {@code onReply} gets the answer, or a failure when the link drops or times out. Commands
     * with equal {@code orderKey}s reach Asterisk in the order sent; others may overtake each other.
     */
    void send(Object orderKey, AmiCommand command, Consumer<AmiReply> onReply);

    /** Every entry of an AstDB family ({@code database show}, or {@code DBGetTree} where Command is refused). */
    CompletionStage<Map<DbKey, String>> readTree(String family);

    /** Every queue's members ({@code QueueStatus}): queue → member interface → seat. */
    CompletionStage<Map<String, Map<String, QueueSeat>>> readQueues();

    /**
     * Every PJSIP endpoint with its AORs and callerid ({@code PJSIPShowEndpoints}, then {@code PJSIPShowEndpoint} for
     * each); an Asterisk without endpoints gives an empty list.
     */
    CompletionStage<java.util.List<PjsipEndpoint>> readEndpoints();

    void onEvent(Consumer<PbxEvent> listener);

    @Override
    void close();
}
