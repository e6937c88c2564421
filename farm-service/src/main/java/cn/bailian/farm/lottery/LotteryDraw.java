package cn.bailian.farm.lottery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The public draw: a pure function of the seed, the ordered candidates and the plots, so anyone holding the
 * published inputs can run it again and get the same winners.
 */
public final class LotteryDraw {

    private LotteryDraw() {}

    /** One candidate, in the published input order (waitlist by joining time, then entry id). */
    public record Candidate(UUID entryId, UUID residentId, UUID householdId) {}

    public record Winner(UUID entryId, UUID residentId, UUID plotId) {}

    /**
     * Fisher–Yates shuffle of the candidates with {@code SplittableRandom(seed)}; plots go in order to the
     * shuffled candidates, at most one per household.
     */
    public static List<Winner> draw(long seed, List<Candidate> candidates, List<UUID> plotIds) {
        List<Candidate> shuffled = new ArrayList<>(candidates);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Candidate swap = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swap);
        }
        List<Winner> winners = new ArrayList<>();
        Set<UUID> households = new HashSet<>();
        for (Candidate candidate : shuffled) {
            if (winners.size() == plotIds.size()) {
                break;
            }
            if (households.add(candidate.householdId())) {
                winners.add(new Winner(candidate.entryId(), candidate.residentId(), plotIds.get(winners.size())));
            }
        }
        return winners;
    }

    /** SHA-256 (hex) of the candidates' resident ids in input order, one per line. */
    public static String inputHash(List<Candidate> candidates) {
        StringBuilder text = new StringBuilder();
        for (Candidate candidate : candidates) {
            text.append(candidate.residentId()).append('\n');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
