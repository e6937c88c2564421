package cn.bailian.kit.idempotency;

import cn.bailian.kit.KitConfig;
import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs. The key's row is inserted first, in the same transaction as
 * the work: a concurrent request with the same key waits on the row until the first commits, then replays
 * its answer; if the work fails, the row goes with it and the client may retry. Same key with another body
 * is 422. Keys are scoped to the caller and the operation.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    KitConfig config;

    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ProblemException.invalidField(HEADER, "Pattern", "1 to 255 visible ASCII characters");
        }
        String scope = caller.subject() + " " + operation;
        String hash = hash(request);
        int inserted = em.createNativeQuery("""
                        insert into idempotency_record (scope, idem_key, request_hash, status)
                        values (?1, ?2, ?3, 0) on conflict do nothing""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, hash)
                .executeUpdate();
        if (inserted == 0) {
            return replay(scope, key, hash);
        }
        Response response = work.get();
        em.createNativeQuery("""
                        update idempotency_record set status = ?3, body = ?4, location = ?5, etag = ?6
                        where scope = ?1 and idem_key = ?2""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, response.getStatus())
                .setParameter(4, body(response))
                .setParameter(
                        5,
                        response.getLocation() == null
                                ? null
                                : response.getLocation().toString())
                .setParameter(6, response.getHeaderString(HttpHeaders.ETAG))
                .executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, status, body, location, etag from idempotency_record
                        where scope = ?1 and idem_key = ?2""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable(ProblemCodes.IDEMPOTENCY_KEY_REUSED);
        }
        Response.ResponseBuilder builder = Response.status((Integer) row[1]).header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            builder.entity(row[2]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (row[3] != null) {
            builder.location(URI.create((String) row[3]));
        }
        if (row[4] != null) {
            builder.header(HttpHeaders.ETAG, row[4]);
        }
        return builder.build();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from idempotency_record where created_at < now() - cast(?1 as interval)")
                .setParameter(1, config.idempotency().retention().toSeconds() + " seconds")
                .executeUpdate();
    }

    private String body(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored for replay", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = request == null ? new byte[0] : json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
