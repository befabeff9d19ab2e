package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void samplesHaveTheGivenMedianAndNinetyNinthPercentile() {
    Latency latency = new Latency(120, 900);
    Random random = new Random(42);
    long[] samples = new long[20_000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = latency.sampleMillis(random);
    }
    Arrays.sort(samples);

    assertThat((double) samples[samples.length / 2]).isCloseTo(120, within(6.0));
    assertThat((double) samples[(int) (samples.length * 0.99)]).isCloseTo(900, within(90.0));
    assertThat(samples[samples.length - 1]).isLessThanOrEqualTo(5 * 900);
  }

  @Test
  void rejectsAProfileWhosePercentileIsBelowItsMedian() {
    assertThatThrownBy(() -> new Latency(100, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Latency(0, 50)).isInstanceOf(IllegalArgumentException.class);
  }
}
