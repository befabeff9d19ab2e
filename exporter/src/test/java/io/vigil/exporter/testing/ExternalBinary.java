package io.vigil.exporter.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates a binary the test needs. In CI ({@code CI=true}) a missing binary fails the test; elsewhere the test is
 * skipped with a message naming the Debian package to install.
 */
public final class ExternalBinary {

  private ExternalBinary() {}

  public static Path require(String binary, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, binary);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = binary + " not found on PATH: install the Debian package " + debianPackage
        + " (apt-get install --no-install-recommends " + debianPackage + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    throw new IllegalStateException("unreachable");
  }
}
