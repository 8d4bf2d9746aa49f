package io.profilegateway.events;

import io.profilegateway.access.Sight;
import io.profilegateway.access.relationship.OwnerFacts;
import io.profilegateway.access.relationship.Right;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * For each user events are about, the connected clients that may see him and how much: worked out once, on the
 * first event about him, by weighing every client's relationships, and then kept, so an event costs only its
 * receivers. A client that connects is weighed against every kept audience; one that leaves is removed when an
 * event next meets him; a recorded relationship change forgets everything; an audience is worked out again when it
 * is older than {@code gateway.events.relations-refresh} (memberships change without a relationship change).
 *
 * <p>Used by the dispatcher thread only.
 */
final class Audiences {

    /** A client that may see the owner, and how much. */
    record Member(Subscriber subscriber, Sight sight) {
    }

    private record Audience(OwnerFacts owner, long builtAt, List<Member> members) {
    }

    private final Map<Long, Audience> byOwner = new HashMap<>();
    private final LongFunction<OwnerFacts> readOwner;
    private final BiFunction<Subscriber, OwnerFacts, Sight> sightOf;
    private final long ttlNanos;

    /**
     * @param readOwner reads an owner's facts (null: no such user)
     * @param sightOf what a client may see of an owner
     */
    Audiences(LongFunction<OwnerFacts> readOwner, BiFunction<Subscriber, OwnerFacts, Sight> sightOf, long ttlNanos) {
        this.readOwner = readOwner;
        this.sightOf = sightOf;
        this.ttlNanos = ttlNanos;
    }

    /** The clients that may see the owner (empty when he does not exist); closed clients are left out. */
    List<Member> of(long ownerId, List<Subscriber> subscribers) {
        long now = System.nanoTime();
        Audience audience = byOwner.get(ownerId);
        if (audience == null || now - audience.builtAt() > ttlNanos) {
            audience = build(ownerId, subscribers, now);
            byOwner.put(ownerId, audience);
        }
        audience.members().removeIf(m -> m.subscriber().closed);
        return audience.members();
    }

    /** A client connected: he joins every kept audience he may see. */
    void joined(Subscriber subscriber) {
        for (Audience audience : byOwner.values()) {
            if (audience.owner() != null) {
                add(audience.members(), subscriber, audience.owner());
            }
        }
    }

    /** Relationships changed: everything is worked out again. */
    void forget() {
        byOwner.clear();
    }

    int kept() {
        return byOwner.size();
    }

    private Audience build(long ownerId, List<Subscriber> subscribers, long now) {
        OwnerFacts owner = readOwner.apply(ownerId);
        List<Member> members = new ArrayList<>();
        if (owner != null) {
            for (Subscriber s : subscribers) {
                add(members, s, owner);
            }
        }
        return new Audience(owner, now, members);
    }

    private void add(List<Member> members, Subscriber subscriber, OwnerFacts owner) {
        if (subscriber.closed) {
            return;
        }
        Sight sight = sightOf.apply(subscriber, owner);
        if (sight.may(Right.SEE_PRESENCE_ICON)) {
            members.add(new Member(subscriber, sight));
        }
    }
}
