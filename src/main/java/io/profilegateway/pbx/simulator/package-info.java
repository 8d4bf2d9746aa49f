/**
 * An in-process AMI simulator that answers like Asterisk 22 (recorded transcripts in {@code src/test/resources/ami/}
 * are replayed by its tests), for tests, benchmarks and the dev profile. Plain Java, no CDI: start one with
 * {@link io.profilegateway.pbx.simulator.AmiSimulator}.
 *
 * <p>Known differences from a real Asterisk 22:
 * <ul>
 * <li>No channels and no dialplan: {@code Originate} and other call actions are unknown actions, a {@code Channel}
 * header in {@code Setvar}/{@code Getvar} names no channel, {@code Local/} interfaces are not checked against a
 * dialplan (unknown non-{@code Custom:} devices have a configurable state, default {@code INVALID}).</li>
 * <li>{@code Command} knows {@code core show version} only; other commands answer Asterisk's "No such command" text
 * with a simplified suggestion.</li>
 * <li>Queues are listed in configuration order and members in the order they were added (Asterisk: hash order). All
 * members are dynamic; no {@code Queue:<queue>_avail} device states, no queue log. A restart forgets members (as
 * with {@code persistentmembers=no}).</li>
 * <li>Of the security events only {@code SuccessfulAuth} is sent; its {@code SessionID} is made up. Every user may
 * read and write everything; no ACLs, no {@code authtimeout}, no limit on logins per user.</li>
 * <li>AstDB tree actions match case-insensitively like SQLite's {@code LIKE}, but {@code %} and {@code _} in a family
 * or key are taken literally.</li>
 * <li>{@code UserEvent} re-writes the action's headers as {@code Name: value} (Asterisk copies the raw lines).</li>
 * <li>{@code DeviceStateChange} is sent only when a device's state changes (Asterisk's cachable device states),
 * {@code PresenceStateChange} on every set; {@code ExtensionStatus}, {@code PresenceStatus} and
 * {@code QueueMemberStatus} only on change.</li>
 * </ul>
 */
package io.profilegateway.pbx.simulator;
