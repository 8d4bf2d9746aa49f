package io.profilegateway.trigger.teams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A change-notification delivery from Graph: basic notifications carry only the subscription, the client state and
 * the resource (the user's id); lifecycle notifications carry {@code lifecycleEvent} instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphNotifications(List<Item> value) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String subscriptionId, String clientState, String resource, ResourceData resourceData,
            String lifecycleEvent) {

        /** The user's Entra id: {@code resourceData.id}, else the last segment of the resource path. */
        String userId() {
            if (resourceData != null && resourceData.id() != null) {
                return resourceData.id();
            }
            if (resource == null) {
                return null;
            }
            String r = resource.replaceAll("['\")]", "");
            return r.substring(r.lastIndexOf('/') + 1);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceData(String id) {
    }
}
