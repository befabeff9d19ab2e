package io.vigil.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TraceParentTest {

  @Test
  void parsesTheSpecificationExample() {
    TraceParent parsed = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    assertThat(parsed).isEqualTo(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01"));
    assertThat(parsed.toHeader()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  }

  @ParameterizedTest
  @CsvSource({
      "'  00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00 ', 00",
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future-field, 01",
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09, 09",
  })
  void acceptsPaddingAndLaterVersions(String header, String flags) {
    assertThat(TraceParent.parse(header)).map(TraceParent::flags).contains(flags);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",             // truncated
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",           // short flags
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",          // upper case
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",          // zero trace id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",          // zero span id
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",          // forbidden version
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",    // trailing data on 00
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",         // later version, no dash
      "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",          // wrong separators
      "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",          // not hex
  })
  void ignoresInvalidHeaders(String header) {
    assertThat(TraceParent.parse(header)).isEmpty();
  }

  @Test
  void makesValidDistinctRandomIds() {
    TraceParent a = TraceParent.random();
    TraceParent b = TraceParent.random();

    assertThat(TraceParent.parse(a.toHeader())).contains(a);
    assertThat(a.traceId()).hasSize(32).isNotEqualTo(b.traceId());
    assertThat(a.spanId()).hasSize(16).isNotEqualTo(b.spanId());
    assertThat(a.flags()).isEqualTo("00");
  }
}
