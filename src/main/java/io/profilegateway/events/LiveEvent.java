package io.profilegateway.events;

/**
 * One event of the stream before it is cut for a viewer: its id (rising, unique on this node), its SSE event name,
 * the user or group it is about, and what the most privileged viewer would see.
 */
record LiveEvent(long id, String name, Long userId, Long groupId, Object data) {
}
