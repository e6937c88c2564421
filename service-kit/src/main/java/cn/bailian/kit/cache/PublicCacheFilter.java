package cn.bailian.kit.cache;

import cn.bailian.kit.etag.ETags;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves {@link PublicCached} reads from the {@link PublicCache}. A hit answers the stored bytes with their
 * Content-Type, Content-Disposition and Content-Language, a strong ETag (a hash of the bytes, unless the resource set
 * its own, which is kept as it is) and {@code Cache-Control: public, no-cache}; a matching If-None-Match gets 304.
 * A miss runs the resource, and its 200 answer is captured as it is serialised and stored under the generation noted
 * before the resource ran. Errors are never stored. {@code X-Cache: HIT|MISS} says which it was (diagnostics only,
 * deliberately not part of the API documents).
 */
@PublicCached
@Provider
@Priority(Priorities.USER + 1000)
public class PublicCacheFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String X_CACHE = "X-Cache";
    static final String VARY = "Accept, Accept-Language";
    private static final List<String> KEPT_HEADERS = List.of("Content-Disposition", "Content-Language");
    private static final String KEY = PublicCacheFilter.class.getName() + ".key";
    private static final String GENERATION = PublicCacheFilter.class.getName() + ".generation";
    private static final String STORE = PublicCacheFilter.class.getName() + ".store";

    @Inject
    PublicCache cache;

    @Inject
    RoutingContext routing;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!cache.enabled() || !HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        String key = key(request);
        PublicCache.Entry entry = cache.lookup(key);
        if (entry == null) {
            request.setProperty(GENERATION, cache.generation());
            request.setProperty(KEY, key);
            return;
        }
        if (entry.ownTag() && ETags.listed(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), entry.etag())) {
            request.abortWith(common(Response.notModified(), entry.etag()).build());
            return;
        }
        Response.ResponseBuilder hit = common(Response.ok(entry.body(), entry.contentType()), entry.etag())
                .header(X_CACHE, "HIT");
        entry.headers().forEach(hit::header);
        request.abortWith(hit.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(KEY) == null) {
            return; // a hit, a 304, not a GET, or the cache is off
        }
        if (response.getStatus() != 200
                || !response.hasEntity()
                || response.getHeaders().containsKey("Set-Cookie")) {
            request.removeProperty(KEY); // never keep errors
            return;
        }
        request.setProperty(STORE, Boolean.TRUE);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl());
        headers.putSingle(HttpHeaders.VARY, VARY);
        headers.putSingle(X_CACHE, "MISS");
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(STORE) == null) {
            context.proceed();
            return;
        }
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(out);
        }
        byte[] body = buffer.toByteArray();
        MultivaluedMap<String, Object> headers = context.getHeaders();
        Object resourceTag = headers.getFirst(HttpHeaders.ETAG);
        String etag = resourceTag == null ? strongTag(body) : header(resourceTag);
        if (resourceTag == null) {
            // Quarkus REST has handed the headers to Vert.x before the body was written; they go out with the first
            // byte
            headers.putSingle(HttpHeaders.ETAG, etag);
            routing.response().putHeader(HttpHeaders.ETAG, etag);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            Object value = headers.getFirst(name);
            if (value != null) {
                kept.put(name, header(value));
            }
        }
        Object type = headers.getFirst(HttpHeaders.CONTENT_TYPE); // as sent, e.g. "text/csv; charset=UTF-8"
        String contentType = type != null
                ? header(type)
                : context.getMediaType() == null ? null : context.getMediaType().toString();
        cache.store(
                (String) context.getProperty(KEY),
                (Long) context.getProperty(GENERATION),
                body,
                contentType,
                kept,
                etag,
                resourceTag == null);
        out.write(body);
    }

    private Response.ResponseBuilder common(Response.ResponseBuilder builder, String etag) {
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        return builder.header(HttpHeaders.CACHE_CONTROL, cacheControl()).header(HttpHeaders.VARY, VARY);
    }

    /**
     * Clients and CDNs may keep the answer but ask again each time (304 with the ETag when unchanged): a resident who
     * has just claimed a plot must see it on the map, which a max-age would let a browser hide from them.
     */
    private static String cacheControl() {
        return "public, no-cache";
    }

    static String key(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String query = uri.getRawQuery();
        return request.getMethod()
                + ' '
                + uri.getRawPath()
                + (query == null ? "" : "?" + query)
                + '\n'
                + nullToEmpty(request.getHeaderString(HttpHeaders.ACCEPT))
                + '\n'
                + nullToEmpty(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static String strongTag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Object value) {
        return value instanceof jakarta.ws.rs.core.EntityTag tag ? tag.toString() : value.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
