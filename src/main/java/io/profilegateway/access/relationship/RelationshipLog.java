package io.profilegateway.access.relationship;

import io.profilegateway.access.relationship.RelationshipChange.Subject;
import io.profilegateway.common.PageResult;
import io.profilegateway.common.Paging;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/** Records every change of who may see whom, in the caller's transaction, and logs it in one line. */
@ApplicationScoped
public class RelationshipLog {

    private static final Logger LOG = Logger.getLogger(RelationshipLog.class);

    @Inject
    Clock clock;

    @Inject
    Event<RelationshipsChanged> changed;

    /** Some relationship changed (observe after the commit); {@code ownerId} null = possibly many owners. */
    public record RelationshipsChanged(Long ownerId) {
    }

    /** Records the change unless nothing changed. */
    public void record(String actor, Subject subject, Long subjectId, Long ownerId, Long viewerId, Object before,
            Object after) {
        String old = before == null ? null : before.toString();
        String now = after == null ? null : after.toString();
        if (Objects.equals(old, now)) {
            return;
        }
        RelationshipChange change = new RelationshipChange();
        change.at = clock.instant();
        change.actor = actor;
        change.subject = subject;
        change.subjectId = subjectId;
        change.ownerId = ownerId;
        change.viewerId = viewerId;
        change.oldValue = truncate(old);
        change.newValue = truncate(now);
        change.persist();
        changed.fire(new RelationshipsChanged(ownerId));
        LOG.infof("Relationship change by %s: %s%s%s%s: %s -> %s", actor, subject,
                subjectId == null ? "" : " #" + subjectId, ownerId == null ? "" : " owner " + ownerId,
                viewerId == null ? "" : " viewer " + viewerId, old, now);
    }

    /** One recorded change as the API shows it. */
    @Schema(name = "RelationshipChange")
    public record Entry(long id, Instant at, String actor, Subject subject, Long subjectId, Long ownerId,
            Long viewerId, String before, String after) {

        static Entry of(RelationshipChange c) {
            return new Entry(c.id, c.at, c.actor, c.subject, c.subjectId, c.ownerId, c.viewerId, c.oldValue,
                    c.newValue);
        }
    }

    /** Newest first; {@code ownerId} null = every change. */
    public PageResult<Entry> list(Long ownerId, Paging paging) {
        var query = ownerId == null ? RelationshipChange.<RelationshipChange>findAll(Sort.descending("id"))
                : RelationshipChange.<RelationshipChange>find("ownerId", Sort.descending("id"), ownerId);
        query.page(Page.of(paging.page(), paging.size()));
        return new PageResult<>(query.list().stream().map(Entry::of).toList(), paging.page(), paging.size(), query.count());
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 997) + "...";
    }
}
