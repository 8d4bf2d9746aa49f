package io.profilegateway.common;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.type.Type;

/**
 * One per Hibernate session ({@code @Dependent}): notes whether the session wrote anything and, when its transaction
 * has committed, waits until the write is on disk ({@link DurableCommits}). Sessions that only read never wait.
 * <p>
 * Bulk HQL statements ({@code update … where}) pass no entity through here. Each of the gateway's runs in a
 * transaction that also writes an entity (deleting a profile records switches, deleting a user removes him), except
 * the Teams poll-lease housekeeping, which another round redoes.
 */
@PersistenceUnitExtension
@Dependent
public class WritesOnDisk implements Interceptor {

    @Inject
    DurableCommits commits;

    private boolean wrote;

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote = true;
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
            String[] propertyNames, Type[] types) {
        wrote = true;
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        wrote = true;
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        wrote = true;
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        wrote = true;
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        wrote = true;
    }

    @Override
    public void afterTransactionCompletion(Transaction transaction) {
        boolean committedWrite = wrote && (transaction == null || transaction.wasSuccessful());
        wrote = false;
        if (committedWrite) {
            commits.awaitOnDisk();
        }
    }
}
