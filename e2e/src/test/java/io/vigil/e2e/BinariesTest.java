package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class BinariesTest {

  private static final Binaries.Binary MISSING = new Binaries.Binary("/nonexistent/vigil-tool", "vigil-tools");

  @Test
  void missingToolSkipsTheTestOutsideCiNamingThePackage() {
    assertThatThrownBy(() -> MISSING.require(false)).isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("apt-get install --no-install-recommends vigil-tools");
  }

  @Test
  void missingToolFailsTheTestInCi() {
    assertThatThrownBy(() -> MISSING.require(true)).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("/nonexistent/vigil-tool").hasMessageContaining("CI=true");
  }

  @Test
  void installedToolIsReturned() {
    assertThat(Binaries.SH.require(true)).hasToString("/bin/sh");
  }
}
