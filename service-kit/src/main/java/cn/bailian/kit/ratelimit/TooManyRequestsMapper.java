package cn.bailian.kit.ratelimit;

import cn.bailian.kit.problem.Messages;
import cn.bailian.kit.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 429 problem with its Retry-After (the general ProblemException answer has no headers of its own). */
public class TooManyRequestsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e, HttpHeaders headers, UriInfo uri) {
        Response problem = Problem.response(
                e, Messages.resolve(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), uri.getPath());
        return Response.fromResponse(problem)
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }
}
