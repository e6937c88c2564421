package cn.bailian.farm.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The draw as a pure function. */
class LotteryDrawTest {

    private static List<LotteryDraw.Candidate> candidates(int n) {
        List<LotteryDraw.Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new LotteryDraw.Candidate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        }
        return list;
    }

    @Test
    void theSameSeedAndInputsGiveTheSameWinners() {
        List<LotteryDraw.Candidate> input = candidates(30);
        List<UUID> plots = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(LotteryDraw.draw(42, input, plots))
                .isEqualTo(LotteryDraw.draw(42, List.copyOf(input), plots))
                .hasSize(3);
        assertThat(LotteryDraw.inputHash(input))
                .isEqualTo(LotteryDraw.inputHash(List.copyOf(input)))
                .hasSize(64);
    }

    @Test
    void anotherSeedOrAnotherOrderGivesAnotherDraw() {
        List<LotteryDraw.Candidate> input = candidates(30);
        List<UUID> plots = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(LotteryDraw.draw(1, input, plots)).isNotEqualTo(LotteryDraw.draw(2, input, plots));
        List<LotteryDraw.Candidate> reversed = new ArrayList<>(input);
        java.util.Collections.reverse(reversed);
        assertThat(LotteryDraw.inputHash(reversed)).isNotEqualTo(LotteryDraw.inputHash(input));
    }

    @Test
    void oneWinPerHouseholdAndNoMoreWinnersThanPlotsOrCandidates() {
        UUID household = UUID.randomUUID();
        List<LotteryDraw.Candidate> family = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            family.add(new LotteryDraw.Candidate(UUID.randomUUID(), UUID.randomUUID(), household));
        }
        List<UUID> plots = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (long seed = 0; seed < 50; seed++) {
            assertThat(LotteryDraw.draw(seed, family, plots)).hasSize(1);
        }
        List<LotteryDraw.Winner> winners = LotteryDraw.draw(7, candidates(1), plots);
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).plotId()).isEqualTo(plots.get(0));
    }

    @Test
    void everyCandidateCanWin() {
        List<LotteryDraw.Candidate> input = candidates(5);
        List<UUID> plot = List.of(UUID.randomUUID());
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 500; seed++) {
            seen.add(LotteryDraw.draw(seed, input, plot).get(0).residentId());
        }
        assertThat(seen).hasSize(5);
    }
}
