package io.profilegateway.directory.group;

import java.time.Instant;

/**
 * A group's office opened, closed or went on break (by its schedule or an override); fired after the change is
 * committed, once, on the node that saw it.
 */
public record OfficeTransition(long groupId, OfficeHours.State from, OfficeHours.State to, Instant at) {
}
