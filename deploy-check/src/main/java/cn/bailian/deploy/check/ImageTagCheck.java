package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.crd.CnpgCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Images never move under a running cluster. Every container of a service runs [registry/]bailian/&lt;service&gt;
 * tagged with the full git commit id it was built from (or pinned by digest): never latest, a branch or a
 * SNAPSHOT version, which a later push silently replaces. In production, every image that is not ours (the
 * PostgreSQL operand image, any sidecar) is pinned by digest, {@code @sha256:<64 hex>}: its tag is someone
 * else's to move.
 */
public final class ImageTagCheck implements Check {

    static final String NAME = "image";
    static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private final boolean production;

    public ImageTagCheck(boolean production) {
        this.production = production;
    }

    /** An image reference split into name, tag and digest (either may be null). */
    record Reference(String name, String tag, String digest) {
        static Reference parse(String image) {
            String rest = image == null ? "" : image;
            String digest = null;
            int at = rest.indexOf('@');
            if (at >= 0) {
                digest = rest.substring(at + 1);
                rest = rest.substring(0, at);
            }
            String tag = null;
            int colon = rest.lastIndexOf(':');
            if (colon > rest.lastIndexOf('/')) {
                tag = rest.substring(colon + 1);
                rest = rest.substring(0, colon);
            }
            return new Reference(rest, tag, digest);
        }

        boolean pinnedByDigest() {
            return digest != null && DIGEST.matcher(digest).matches();
        }
    }

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        manifests.ofKind(Deployment.class).forEach(r -> {
            Deployment d = r.as(Deployment.class);
            String service = Workloads.service(d).orElse("?");
            Workloads.containers(d).forEach(c -> {
                String where = r.id() + " container " + c.getName();
                Reference image = Reference.parse(c.getImage());
                boolean ours = image.name().equals("bailian/" + service)
                        || image.name().endsWith("/bailian/" + service);
                if (!ours && !image.name().matches("(.*/)?bailian/[a-z-]+")) {
                    if (production && !image.pinnedByDigest()) {
                        findings.add(new Finding(
                                NAME, where, "image " + c.getImage() + " is not pinned by digest (@sha256:<64 hex>)"));
                    }
                    return;
                }
                if (!ours) {
                    findings.add(new Finding(NAME, where, "image " + c.getImage() + " is not bailian/" + service));
                } else if (image.digest() != null && !image.pinnedByDigest()) {
                    findings.add(
                            new Finding(NAME, where, "image " + c.getImage() + ": the digest is not sha256:<64 hex>"));
                } else if (!image.pinnedByDigest()
                        && (image.tag() == null || !COMMIT.matcher(image.tag()).matches())) {
                    findings.add(new Finding(
                            NAME,
                            where,
                            "image " + c.getImage() + " has a mutable tag; expected the full"
                                    + " commit id it was built from (bailian/" + service + ":<40 hex>) or a digest"));
                }
            });
        });
        if (production) {
            manifests.ofKind(CnpgCluster.class).forEach(r -> {
                String image = r.as(CnpgCluster.class).spec() == null
                        ? null
                        : r.as(CnpgCluster.class).spec().imageName();
                if (image == null || !Reference.parse(image).pinnedByDigest()) {
                    findings.add(new Finding(
                            NAME,
                            r.id(),
                            "imageName " + image + " is not pinned by digest (@sha256:<64 hex>);"
                                    + " without one the operator's default, or a re-pushed tag, decides what runs"));
                }
            });
        }
        return findings;
    }
}
