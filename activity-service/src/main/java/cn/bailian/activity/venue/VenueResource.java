package cn.bailian.activity.venue;

import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Venues", description = "场地：儿童之家活动室、会议室、活动区、卡座、屋顶 / Venues of the community centre")
public class VenueResource {

    @Inject
    VenueService venues;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(
            operationId = "createVenue",
            summary = "Create a venue with its weekly opening hours (STAFF of the community)",
            description =
                    "社区工作人员登记场地（儿童之家活动室、会议室、卡座、屋顶农场等）及每周开放时间。/ Staff of the community create a venue (a children's home room, meeting room, booth, the rooftop farm …) with its weekly opening hours.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = VenueApi.VenueView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "409", description = "VENUE_NAME_TAKEN: the community has a venue of this name")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    public Response create(
            @Valid @NotNull VenueApi.CreateVenue request,
            @Parameter(description = "Repeats with the same key replay the first answer")
                    @HeaderParam(Idempotency.HEADER)
                    String key) {
        return idempotency.execute(key, "POST /venues", request, () -> {
            VenueApi.VenueView venue = venues.create(request);
            return Response.created(URI.create("/api/v1/venues/" + venue.id()))
                    .entity(venue)
                    .build();
        });
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listVenues",
            summary = "A community's venues (public)",
            description = "某社区的场地列表，公开可查。/ A community's venues; public.")
    @APIResponse(responseCode = "200", description = "One page of venues")
    public Page<VenueApi.VenueView> list(@QueryParam("communityId") String community, @BeanParam PageRequest page) {
        UUID communityId = QueryParams.requiredUuid("communityId", community);
        return page.page(
                venues.list(communityId, page.page(), page.size()).stream()
                        .map(VenueApi.VenueView::of)
                        .toList(),
                venues.count(communityId));
    }

    @GET
    @Path("/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "getVenue",
            summary = "One venue (public)",
            description = "单个场地及其开放时间，公开可查。/ One venue with its opening hours; public.")
    @APIResponse(responseCode = "200", description = "The venue")
    @APIResponse(responseCode = "404", description = "VENUE_NOT_FOUND")
    public VenueApi.VenueView get(@PathParam("id") UUID id) {
        return venues.get(id);
    }
}
