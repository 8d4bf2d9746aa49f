package io.profilegateway.pbx.simulator;

/**
 * Runs one AMI action for a session, appending its reply (and list events) to the session's output.
 */
@FunctionalInterface
interface ActionHandler {

    /**
     * @param session the session that sent the action
     * @param action  the action
     * @return {@code false} to close the session after the reply (Logoff, failed Login)
     * @throws InterruptedException when interrupted while waiting (failed login delay)
     */
    boolean handle(AmiSession session, AmiMessage action) throws InterruptedException;
}
