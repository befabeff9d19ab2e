package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFieldsTest {

  @Test
  void splitsOnRunsOfSpacesAndTabs() {
    assertThat(TextFields.split("  Ip6InReceives \t 42\t")).containsExactly("Ip6InReceives", "42");
  }

  @Test
  void givesNothingForBlankText() {
    assertThat(TextFields.split("")).isEmpty();
    assertThat(TextFields.split(" \t ")).isEmpty();
  }

  @Test
  void keepsASingleField() {
    assertThat(TextFields.split("lo")).containsExactly("lo");
  }

  @Test
  void whitespaceIsExactlyWhatCharacterIsWhitespaceSays() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertThat(TextFields.isWhitespace((char) c)).as("U+%04X", c).isEqualTo(Character.isWhitespace((char) c));
    }
  }
}
