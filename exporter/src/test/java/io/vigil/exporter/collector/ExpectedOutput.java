package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a collector's whole text output with a checked-in {@code .prom} file. Run with
 * {@code -Dvigil.golden.update=true} to rewrite the files, then review the diff like code.
 */
final class ExpectedOutput {

  private ExpectedOutput() {}

  static void assertMatches(String actual, Path expectedFile) throws IOException {
    if (Boolean.getBoolean("vigil.golden.update")) {
      Files.writeString(expectedFile, actual);
    }
    assertThat(actual).as("output compared with %s", expectedFile).isEqualTo(Files.readString(expectedFile));
  }
}
