package cn.bailian.archfixture.bad.web;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

/** Fixture: a resource that persists by itself, opens a transaction, returns entities and is misnamed. */
@Path("/things")
public class ThingEndpoint {
    EntityManager em;

    @GET
    @Transactional
    public List<Thing> list() {
        return em.createQuery("from Thing", Thing.class).getResultList();
    }
}
