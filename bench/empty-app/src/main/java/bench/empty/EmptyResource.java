package bench.empty;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline for the benchmarks. {@code GET /hello} is the one JSON endpoint whose time to first answer and
 * memory are the framework's floor. {@code GET /constant/NAME} answers the bytes of {@code NAME.json} from the
 * directory in {@code BENCH_CONSTANT_DIR}, read once: a constant JSON of exactly the size a service's read
 * endpoint answers, the ceiling for that endpoint's throughput.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EmptyResource {

    public record Hello(String hello) {
    }

    private static final Map<String, byte[]> CONSTANTS = new ConcurrentHashMap<>();

    @GET
    @Path("hello")
    public Hello hello() {
        return new Hello("world");
    }

    @GET
    @Path("constant/{name}")
    public byte[] constant(@PathParam("name") String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new NotFoundException();
        }
        return CONSTANTS.computeIfAbsent(name, EmptyResource::read);
    }

    private static byte[] read(String name) {
        String dir = System.getenv("BENCH_CONSTANT_DIR");
        if (dir == null) {
            throw new NotFoundException();
        }
        java.nio.file.Path file = java.nio.file.Path.of(dir, name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
