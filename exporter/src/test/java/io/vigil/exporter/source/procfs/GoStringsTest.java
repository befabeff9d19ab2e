package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoStringsTest {

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static String valid(byte[] b) {
    return GoStrings.toValidUtf8(b, 0, b.length);
  }

  @Test
  void keepsValidUtf8AsItIs() {
    byte[] b = "Temp (°C) ✓ 𝄞".getBytes(StandardCharsets.UTF_8);
    assertThat(valid(b)).isEqualTo("Temp (°C) ✓ 𝄞");
  }

  @Test
  void replacesEachRunOfInvalidBytesWithOneReplacementCharacter() {
    assertThat(valid(bytes('A', 0xFF, 0xFE, 'B', 0xC3))).isEqualTo("A\uFFFDB\uFFFD");
  }

  @Test
  void treatsSurrogatesOverlongFormsAndTruncatedSequencesAsInvalid() {
    assertThat(valid(bytes(0xED, 0xA0, 0x80))).isEqualTo("\uFFFD"); // encoded surrogate U+D800
    assertThat(valid(bytes(0xC0, 0xAF, 'x'))).isEqualTo("\uFFFDx"); // overlong '/'
    assertThat(valid(bytes(0xE2, 0x82))).isEqualTo("\uFFFD"); // "€" cut after two of three bytes
    assertThat(valid(bytes(0xF4, 0x90, 0x80, 0x80))).isEqualTo("\uFFFD"); // beyond U+10FFFF
  }

  @Test
  void decodesRunesWithOneReplacementPerInvalidByteLikeGoRange() {
    byte[] b = bytes('a', 0xFF, 0xFE, 'b');
    assertThat(GoStrings.decodeRunes(b, 0, b.length)).isEqualTo("a\uFFFD\uFFFDb");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"'  acpi tz  '|acpi tz", "'\t3\f'|3", "'Default\u00A0string\u00A0'|Default\u00A0string", "'\u0085x\u3000'|x"})
  void trimsUnicodeWhiteSpaceIncludingNbspAndNel(String in, String out) {
    assertThat(GoStrings.trimSpace(in)).isEqualTo(out);
  }

  @Test
  void trimsOnlyNewlinesForHwmonValues() {
    assertThat(GoStrings.trimNewlines("\n 42000\r\n\n")).isEqualTo(" 42000\r");
  }
}
