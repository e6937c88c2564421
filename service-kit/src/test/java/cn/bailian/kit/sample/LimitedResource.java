package cn.bailian.kit.sample;

import cn.bailian.kit.ratelimit.RateLimited;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.atomic.AtomicInteger;

/** Rate-limited operations of the sample: a costly anonymous read limited per client address, a write per subject. */
@Path("/api/v1/limited")
@Produces(MediaType.TEXT_PLAIN)
public class LimitedResource {

    /** How often a write really ran (a refused call must not reach the method). */
    public static final AtomicInteger WRITES = new AtomicInteger();

    @GET
    @Path("/report")
    @RateLimited(limit = 3, periodSeconds = 60, per = RateLimited.Per.CLIENT_ADDRESS)
    public String report() {
        return "report";
    }

    @POST
    @Path("/entries")
    @Authenticated
    @RateLimited(limit = 2, periodSeconds = 60)
    public String write() {
        WRITES.incrementAndGet();
        return "written";
    }
}
