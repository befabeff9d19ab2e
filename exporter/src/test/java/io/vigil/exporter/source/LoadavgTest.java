package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LoadavgTest {

  private static final Path FILE = Path.of("/proc/loadavg");

  @Test
  void parsesTheFixtureFile() throws Exception {
    Loadavg load = Loadavg.parse(FILE, Fixtures.procFs().read("loadavg"));
    assertThat(load).isEqualTo(new Loadavg(0.21, 0.37, 0.39));
  }

  @Test
  void ignoresTrailingRunQueueAndLastPidFields() throws Exception {
    assertThat(Loadavg.parse(FILE, "1.00 2.50 3.75 2/345 6789\n")).isEqualTo(new Loadavg(1.0, 2.5, 3.75));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "0.1 0.2", "a b c 1/2 3", "0,1 0,2 0,3 1/1 1"})
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> Loadavg.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/loadavg:1: ");
  }
}
