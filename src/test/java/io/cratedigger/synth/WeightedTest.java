package io.cratedigger.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedTest {

  @Test
  void drawsFollowTheWeightsAndNeverPickAZeroWeight() {
    Weighted w = Weighted.of(1, 0, 3);
    SplittableRandom rng = new SplittableRandom(1);
    int[] counts = new int[3];
    for (int i = 0; i < 40_000; i++) {
      counts[w.sample(rng)]++;
    }
    assertThat(counts[1]).isZero();
    // Expected 10,000 and 30,000; three standard deviations are about 260.
    assertThat(counts[0]).isBetween(9_700, 10_300);
    assertThat(counts[2]).isBetween(29_700, 30_300);
  }

  @Test
  void zipfHeadIsHeavyAndTailLong() {
    Weighted w = Weighted.zipf(1_000, 1.0);
    SplittableRandom rng = new SplittableRandom(2);
    int first = 0;
    int tail = 0;
    for (int i = 0; i < 100_000; i++) {
      int r = w.sample(rng);
      first += r == 0 ? 1 : 0;
      tail += r >= 500 ? 1 : 0;
    }
    // H(1000) = 7.485: rank 1 gets 1/7.485 = 13.4 %; ranks 501..1000 get ln(2)/7.485 = 9.3 %.
    assertThat(first).isBetween(12_900, 13_900);
    assertThat(tail).isBetween(8_800, 9_800);
  }

  @Test
  void rejectsBadWeights() {
    assertThatThrownBy(() -> Weighted.of(0, 0)).hasMessageContaining("all be 0");
    assertThatThrownBy(() -> Weighted.of(1, -1)).hasMessageContaining("weight 1");
  }
}
