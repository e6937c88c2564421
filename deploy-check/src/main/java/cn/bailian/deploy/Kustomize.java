package cn.bailian.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, offline (no API server needed). */
public final class Kustomize {

    private final String kubectl;

    /** kubectl from the KUBECTL environment variable, or else from the PATH. */
    public Kustomize() {
        this(System.getenv().getOrDefault("KUBECTL", "kubectl"));
    }

    public Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    public String render(Path kustomization) {
        if (!Files.isRegularFile(kustomization.resolve("kustomization.yaml"))) {
            throw new IllegalStateException("no kustomization.yaml in " + kustomization);
        }
        Process p;
        try {
            p = new ProcessBuilder(List.of(kubectl, "kustomize", kustomization.toString())).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run '" + kubectl + "' (" + e.getMessage() + "): deploy-check renders"
                            + " deploy/overlays with 'kubectl kustomize'; install kubectl 1.32 or newer (it includes kustomize)"
                            + " or point the KUBECTL environment variable at it",
                    e);
        }
        try {
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, true));
            String out = read(p, false);
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish in 2 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
                        + err.join().strip());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while rendering " + kustomization, e);
        }
    }

    private static String read(Process p, boolean stderr) {
        try {
            return new String(
                    (stderr ? p.getErrorStream() : p.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
