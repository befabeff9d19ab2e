package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases checked against node_exporter 1.5 reading the same hwmon values (its Go strconv decides). */
class GoStrconvTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "42000|42000",
        "-5|-5",
        "+42000|42000",
        "4.2e4|42000",
        "1E3|1000",
        ".5|0.5",
        "5.|5",
        "1_000|1000",
        "0x1p4|16",
        "0X1.8P1|3",
        "inf|Infinity",
        "+Inf|Infinity",
        "-infinity|-Infinity",
        "Infinity|Infinity",
        "1e-400|0",
      })
  void parsesWhatGoParseFloatAccepts(String text, double expected) {
    assertThat(GoStrconv.parseFloat(text)).isEqualTo(OptionalDouble.of(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "nAn"})
  void parsesNotANumberInAnyCase(String text) {
    assertThat(GoStrconv.parseFloat(text).getAsDouble()).isNaN();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " 42000", "42000 ", "43000\r", "abc", "N/A", "95.0%", "1e400", "-1e400", "0x10", "0x", "1__000",
        "_1000", "1000_", "1_.5", "1e", "1e+", "e5", ".", "+", "+nan", "infin", "1d", "1f", "0b101", "1.2.3",
        "١٢٣"
      })
  void rejectsWhatGoParseFloatRejects(String text) {
    assertThat(GoStrconv.parseFloat(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"27800,27800", "-1,-1", "+3,3", "9223372036854775807,9223372036854775807"})
  void parsesBase10Int64(String text, long expected) {
    assertThat(GoStrconv.parseInt64(text)).isEqualTo(OptionalLong.of(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "27.8", " 3", "1_000", "0x10", "9223372036854775808", "٣", "fifty"})
  void rejectsAnythingElseAsInt64(String text) {
    assertThat(GoStrconv.parseInt64(text)).isEmpty();
  }
}
