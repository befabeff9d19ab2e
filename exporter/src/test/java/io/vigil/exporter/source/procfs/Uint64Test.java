package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Uint64Test {

  @Test
  void parsesTheWholeUnsignedRange() {
    assertThat(Uint64.parse("18446744073709551615")).isEqualTo(Uint64.ALL_ONES);
    assertThat(Uint64.toDouble(Uint64.ALL_ONES)).isEqualTo(1.8446744073709552E19);
    assertThat(Uint64.toDouble(Long.MIN_VALUE)).isEqualTo(9.223372036854775808E18);
    assertThat(Uint64.toDouble(12)).isEqualTo(12.0);
  }

  @Test
  void parsesSysfsHexadecimalAndOctal() {
    assertThat(Uint64.parseAnyBase("0x1a")).isEqualTo(26);
    assertThat(Uint64.parseAnyBase("0xffffffffffffffff")).isEqualTo(Uint64.ALL_ONES);
    assertThat(Uint64.parseAnyBase("010")).isEqualTo(8);
    assertThat(Uint64.parseAnyBase("0")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "+1", "1.5", "0x", "0x-1", "18446744073709551616", " 1"})
  void rejectsWhatIsNotAU64(String text) {
    assertThatThrownBy(() -> Uint64.parseAnyBase(text)).isInstanceOf(NumberFormatException.class);
  }
}
