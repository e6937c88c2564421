package cn.bailian.fund.project;

import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Projects",
        description =
                "民生项目: proposal, council and committee review, public notice (公示) with objections, milestones, completion")
public class ProjectResource {

    @Inject
    ProjectService projects;

    @POST
    @Path("/funds/{fundId}/projects")
    @Operation(
            operationId = "proposeProject",
            summary =
                    "Propose a project (a RESIDENT of the community for themselves; STAFF for the community, a resident or an organisation)",
            description =
                    "提出民生项目（慈善、公益、自治、互助）及预算：本社区居民以本人名义，社区工作人员可代社区、居民或组织提出。/ Propose a livelihood project (CHARITY, PUBLIC_WELFARE, SELF_GOVERNANCE, MUTUAL_AID) with its budget: a resident of the community for themselves; staff for the community, a resident or an organisation.")
    @APIResponse(
            responseCode = "201",
            description = "Proposed",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not a resident or staff of the fund's community")
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "RESIDENT_NOT_ACTIVE")
    @APIResponse(responseCode = "422", description = "PROPOSER_UNKNOWN, IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response propose(@PathParam("fundId") UUID fundId, @Valid @NotNull ProjectApi.CreateProject request) {
        ProjectApi.ProjectView project = projects.propose(fundId, request);
        return Response.created(URI.create("/api/v1/projects/" + project.id()))
                .entity(project)
                .tag(ETags.of(project.version()))
                .build();
    }

    @GET
    @Path("/funds/{fundId}/projects")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listProjects",
            summary = "A fund's projects, newest first, optionally by status (public, as the notice requires)",
            description =
                    "基金的项目，最新在前，可按状态筛选；按公示要求公开可查。/ A fund's projects, newest first, optionally by status; public, as the notice rule requires.")
    @APIResponse(responseCode = "200", description = "A page of projects")
    @APIResponse(responseCode = "400", description = "Bad paging or status")
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    public Page<ProjectApi.ProjectView> list(
            @PathParam("fundId") UUID fundId, @QueryParam("status") String status, @BeanParam PageRequest page) {
        Project.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Project.Status.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "Enum", "one of " + List.of(Project.Status.values()));
            }
        }
        return projects.list(fundId, wanted, page);
    }

    @GET
    @Path("/projects/{projectId}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "getProject",
            summary =
                    "A project with its reviews (and reviewers), notice period, funding progress and milestones (public)",
            description =
                    "项目详情：评审记录及评审人、公示期、筹款进度和里程碑；公开可查。/ A project with its reviews and reviewers, notice period, funding progress and milestones; public.")
    @APIResponse(
            responseCode = "200",
            description = "The project",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    public Response get(@PathParam("projectId") UUID projectId) {
        ProjectApi.ProjectView project = projects.get(projectId);
        return Response.ok(project).tag(ETags.of(project.version())).build();
    }

    @POST
    @Path("/projects/{projectId}/reviews")
    @Operation(
            operationId = "reviewProject",
            summary =
                    "Record the residents' council's (COUNCIL) and then the community committee's (COMMITTEE) decision; "
                            + "the committee's approval opens the public notice period (STAFF of the community, ADMIN)",
            description =
                    "依次记录居民议事会（COUNCIL）和社区两委（COMMITTEE）的评审意见；两委通过后进入公示期。/ Record the residents' council's (COUNCIL) and then the community committee's (COMMITTEE) decision; the committee's approval opens the public notice period.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; the project as it is now",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (a rejection needs a comment)")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "REVIEW_OUT_OF_ORDER")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response review(@PathParam("projectId") UUID projectId, @Valid @NotNull ProjectApi.CreateReview request) {
        ProjectApi.ProjectView project = projects.review(projectId, request);
        return Response.created(URI.create("/api/v1/projects/" + projectId))
                .entity(project)
                .tag(ETags.of(project.version()))
                .build();
    }

    @POST
    @Path("/projects/{projectId}/objections")
    @Operation(
            operationId = "objectToProject",
            summary =
                    "Object during the public notice period (a RESIDENT of the project's community, once per project)",
            description =
                    "公示期内本社区居民对项目提出异议，每人每项目一次。/ A resident of the project's community objects during the public notice period, once per project.")
    @APIResponse(
            responseCode = "201",
            description = "Objection recorded",
            content = @Content(schema = @Schema(implementation = ProjectApi.ObjectionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not a resident of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "NOTICE_NOT_OPEN, OBJECTION_EXISTS, RESIDENT_NOT_ACTIVE")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response object(@PathParam("projectId") UUID projectId, @Valid @NotNull ProjectApi.CreateObjection request) {
        ProjectApi.ObjectionView objection = projects.object(projectId, request);
        return Response.created(URI.create("/api/v1/projects/" + projectId + "/objections/" + objection.id()))
                .entity(objection)
                .build();
    }

    @GET
    @Path("/projects/{projectId}/objections")
    @Operation(
            operationId = "listObjections",
            summary = "The objections raised against a project (STAFF of the community, ADMIN)",
            description =
                    "项目收到的异议，最早在前；仅限社区工作人员或管理员。/ The objections raised against a project, oldest first; staff of the community or ADMIN only.")
    @APIResponse(responseCode = "200", description = "The objections, oldest first")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    public List<ProjectApi.ObjectionView> objections(@PathParam("projectId") UUID projectId) {
        return projects.objections(projectId);
    }

    @POST
    @Path("/projects/{projectId}/objections/{objectionId}/decision")
    @Operation(
            operationId = "decideObjection",
            summary = "Uphold (the project is rejected) or dismiss an objection (STAFF of the community, ADMIN)",
            description =
                    "社区工作人员或管理员裁定异议：成立则项目被否决，不成立则驳回。/ Staff of the community or ADMIN uphold an objection (the project is rejected) or dismiss it.")
    @APIResponse(
            responseCode = "200",
            description = "Decided",
            content = @Content(schema = @Schema(implementation = ProjectApi.ObjectionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND, OBJECTION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "OBJECTION_DECIDED")
    public ProjectApi.ObjectionView decide(
            @PathParam("projectId") UUID projectId,
            @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull ProjectApi.DecideObjection request) {
        return projects.decideObjection(projectId, objectionId, request);
    }

    @POST
    @Path("/projects/{projectId}/milestones")
    @Operation(
            operationId = "addMilestone",
            summary = "Add a milestone to an approved project (STAFF of the community, ADMIN)",
            description = "为已批准项目添加里程碑。/ Add a milestone to an approved project.")
    @APIResponse(
            responseCode = "201",
            description = "Added; the project with its milestones",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PROJECT_NOT_APPROVED")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response addMilestone(
            @PathParam("projectId") UUID projectId, @Valid @NotNull ProjectApi.CreateMilestone request) {
        ProjectApi.ProjectView project = projects.addMilestone(projectId, request);
        return Response.created(URI.create("/api/v1/projects/" + projectId))
                .entity(project)
                .tag(ETags.of(project.version()))
                .build();
    }

    @PATCH
    @Path("/projects/{projectId}/milestones/{milestoneId}")
    @Operation(
            operationId = "updateMilestone",
            summary =
                    "Report progress on a milestone; send the milestone's ETag in If-Match (STAFF of the community, ADMIN)",
            description =
                    "报告里程碑进展；须在 If-Match 中携带该里程碑的 ETag，过期版本返回 412。/ Report progress on a milestone; send its ETag in If-Match, a stale one gets 412.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = ProjectApi.MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND, MILESTONE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PROJECT_NOT_APPROVED")
    @APIResponse(responseCode = "412", description = "VERSION_MISMATCH")
    @APIResponse(responseCode = "428", description = "IF_MATCH_REQUIRED")
    public Response updateMilestone(
            @PathParam("projectId") UUID projectId,
            @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProjectApi.UpdateMilestone request) {
        ProjectApi.MilestoneView milestone = projects.updateMilestone(projectId, milestoneId, ifMatch, request);
        return Response.ok(milestone).tag(ETags.of(milestone.version())).build();
    }

    @POST
    @Path("/projects/{projectId}/complete")
    @Operation(
            operationId = "completeProject",
            summary =
                    "Close an approved project with its report (STAFF of the community, ADMIN); no disbursement follows",
            description = "以项目报告结项；结项后不再拨款。/ Close an approved project with its report; no disbursement follows.")
    @APIResponse(
            responseCode = "200",
            description = "Completed",
            content = @Content(schema = @Schema(implementation = ProjectApi.ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PROJECT_NOT_APPROVED")
    public Response complete(
            @PathParam("projectId") UUID projectId, @Valid @NotNull ProjectApi.CompleteProject request) {
        ProjectApi.ProjectView project = projects.complete(projectId, request);
        return Response.ok(project).tag(ETags.of(project.version())).build();
    }
}
