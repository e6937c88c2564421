package cn.bailian.fund;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Row locks (select … for update) that also reload the row, whether or not it was read before. */
public final class Locks {

    private Locks() {}

    public static <T> T forUpdate(EntityManager em, Class<T> type, Object id) {
        T entity = em.find(type, id);
        if (entity != null) {
            // refresh, not find-with-lock: locking an already loaded versioned row would compare its old version
            em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        }
        return entity;
    }
}
