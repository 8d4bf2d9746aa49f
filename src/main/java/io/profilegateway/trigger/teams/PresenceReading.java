package io.profilegateway.trigger.teams;

/** One user's presence as Graph reported it: his Entra object id, availability and activity. */
record PresenceReading(String entraId, String availability, String activity) {
}
