package cn.bailian.kit.sample;

import cn.bailian.kit.cache.PublicCached;
import cn.bailian.kit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Public reads of notes through the public cache: JSON or CSV by Accept, the language by Accept-Language. */
@Path("/api/v1/public-notes")
public class PublicNoteResource {

    /** How often a read was really computed (a hit does not reach the method). */
    public static final AtomicInteger COMPUTED = new AtomicInteger();

    @GET
    @PublicCached
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response list(@QueryParam("prefix") String prefix, @Context HttpHeaders headers) {
        COMPUTED.incrementAndGet();
        List<String> texts = Note.<Note>list("text like ?1 order by text", prefix + "%").stream()
                .map(n -> n.text)
                .toList();
        String language = headers.getAcceptableLanguages().stream()
                .findFirst()
                .filter(l -> l.getLanguage().equals("en"))
                .map(l -> "en")
                .orElse("zh-CN");
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .findFirst()
                .map(t -> t.getSubtype().equals("csv"))
                .orElse(false);
        Response.ResponseBuilder answer = csv
                ? Response.ok(String.join("\n", texts) + "\n", "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"notes.csv\"")
                : Response.ok(new Texts(texts, language), MediaType.APPLICATION_JSON_TYPE);
        return answer.header("Content-Language", language).build();
    }

    @GET
    @PublicCached
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Texts one(@PathParam("id") UUID id) {
        COMPUTED.incrementAndGet();
        Note note = Note.findById(id);
        if (note == null) {
            throw ProblemException.notFound("NOT_FOUND", id);
        }
        return new Texts(List.of(note.text), "zh-CN");
    }

    public record Texts(List<String> texts, String language) {}
}
