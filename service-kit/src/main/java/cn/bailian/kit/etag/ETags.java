package cn.bailian.kit.etag;

import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: a resource's version is its ETag; an update must send it back in
 * {@code If-Match}. Missing → 428, stale → 412. The entity's {@code @Version} column catches the race
 * between this check and the commit.
 */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, ProblemCodes.IF_MATCH_REQUIRED);
        }
        if (!listed(ifMatch, Long.toString(currentVersion))) {
            throw new ProblemException(412, ProblemCodes.VERSION_MISMATCH, currentVersion);
        }
    }

    /**
     * Whether an If-Match or If-None-Match list names this tag: {@code *}, or the tag compared without its quotes and
     * {@code W/} (the weak comparison of RFC 9110 §8.8.3.2).
     */
    public static boolean listed(String header, String tag) {
        if (header == null || tag == null) {
            return false;
        }
        String wanted = opaque(tag);
        for (String candidate : header.split(",")) {
            String listedTag = candidate.trim();
            if (listedTag.equals("*") || opaque(listedTag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
