package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The external tools the bundle is checked with (Debian packages, REFERENCE.md §1). A missing tool fails the test in
 * CI ({@code CI=true}) and skips it elsewhere with a message naming the package to install.
 */
final class Binaries {

  static final Binary PROMETHEUS = new Binary("/usr/bin/prometheus", "prometheus");
  static final Binary PROMTOOL = new Binary("/usr/bin/promtool", "prometheus");
  static final Binary ALERTMANAGER = new Binary("/usr/bin/prometheus-alertmanager", "prometheus-alertmanager");
  static final Binary AMTOOL = new Binary("/usr/bin/amtool", "prometheus-alertmanager");
  static final Binary NODE_EXPORTER = new Binary("/usr/bin/prometheus-node-exporter", "prometheus-node-exporter");
  static final Binary DOCKER_COMPOSE = new Binary("/usr/bin/docker-compose", "docker-compose");
  static final Binary SH = new Binary("/bin/sh", "dash");

  private Binaries() {}

  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** A tool at a fixed path and the Debian package that provides it. */
  record Binary(String path, String debianPackage) {

    /** The tool's path; fails (CI) or skips (elsewhere) the calling test when it is not installed. */
    Path require() {
      return require(inCi());
    }

    Path require(boolean ci) {
      Path p = Path.of(path);
      if (Files.isExecutable(p)) {
        return p;
      }
      String message = path + " is not installed: apt-get install --no-install-recommends " + debianPackage;
      if (ci) {
        fail(message + " (CI=true: missing tools fail the build)");
      }
      // Outside CI a developer without the Debian tools gets a skip that names the package, not a red build.
      assumeTrue(false, message);
      return p;
    }
  }
}
