package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

  @ParameterizedTest
  @ValueSource(strings = {"", ",", ",,", "a", "a,b", "a,,b", ",a", "a,", "a,,", ",a,", "rw,relatime,errors=remount-ro"})
  void splitOnACharacterGivesWhatStringSplitGives(String s) {
    assertThat(Tokens.split(s, ',')).containsExactly(s.split(","));
    assertThat(Tokens.splitAll(s, ',')).containsExactly(s.split(",", -1));
  }

  @ParameterizedTest
  @ValueSource(strings = {" face |bytes packets|bytes packets", "a|b", "||", "x"})
  void splitAllKeepsEveryPieceLikeSplitWithNegativeLimit(String s) {
    assertThat(Tokens.splitAll(s, '|')).containsExactly(s.split("\\|", -1));
  }
}
