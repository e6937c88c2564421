package cn.bailian.kit.sample;

import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    public static final String CREATED = "cn.bailian.sample.note.created.v1";

    public record CreateNote(
            @NotBlank @Size(max = 200) String text,
            @NotNull @Min(1) @Max(10) Integer priority) {}

    public record NoteView(UUID id, String text, long version) {}

    public record NoteCreated(UUID noteId, int priority) {}

    @Inject
    Outbox outbox;

    @Inject
    cn.bailian.kit.security.Caller caller;

    @POST
    @Idempotent
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created")
    public Response create(@Valid @NotNull CreateNote request) {
        Note note = save(request);
        return Response.created(URI.create("/api/v1/notes/" + note.id))
                .entity(view(note))
                .tag(ETags.of(note.version))
                .build();
    }

    @Transactional
    Note save(CreateNote request) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.text = request.text();
        note.persist();
        outbox.publish(CREATED, note.id, new NoteCreated(note.id, request.priority()));
        return note;
    }

    @GET
    public Page<NoteView> list(@BeanParam PageRequest page) {
        var query = Note.<Note>findAll(io.quarkus.panache.common.Sort.by("text"));
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(NoteResource::view)
                        .toList(),
                query.count());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        Note note = find(id);
        return Response.ok(view(note)).tag(ETags.of(note.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public Response update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CreateNote request) {
        Note note = find(id);
        ETags.requireMatch(ifMatch, note.version);
        note.text = request.text();
        Note.getEntityManager().flush();
        return Response.ok(view(note)).tag(ETags.of(note.version)).build();
    }

    @GET
    @Path("/staff-only")
    @RolesAllowed(Roles.STAFF)
    public String staffOnly() {
        return "{\"ok\":true}";
    }

    /** For the kit's token tests: STAFF of the community in the path (a token may name several), answers who. */
    @GET
    @Path("/staff-of/{community}")
    public String staffOf(@jakarta.ws.rs.PathParam("community") java.util.UUID community) {
        caller.requireStaffOf(community);
        return "{\"subject\":\"" + caller.subject() + "\"}";
    }

    /** Public, but says more to a caller with a valid token (as the fund's disbursement list does for staff). */
    @GET
    @Path("/whoami")
    public String whoami(@jakarta.ws.rs.QueryParam("require") boolean require) {
        if (require) {
            caller.requireAuthenticated();
        }
        return "{\"authenticated\":" + caller.authenticated() + "}";
    }

    @GET
    @Path("/empty/{id}")
    public String empty(@PathParam("id") String id) {
        throw ProblemException.unprocessable("NOTE_EMPTY", id);
    }

    private static Note find(UUID id) {
        Note note = Note.findById(id);
        if (note == null) {
            throw ProblemException.notFound("NOT_FOUND", id);
        }
        return note;
    }

    private static NoteView view(Note note) {
        return new NoteView(note.id, note.text, note.version);
    }
}
