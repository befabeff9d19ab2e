package io.vigil.exporter.testing;

import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The canonical fixture tree under {@code src/test/resources/fixtures}. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The fixture tree in the source checkout ({@code src/test/resources/fixtures}) when there is one, else the copy on
   * the class path. The source tree comes first because Maven's resource copy replaces symbolic links with copies of
   * their targets, and sysfs fixtures need real links: hwmon chip names come from where {@code device} points.
   */
  public static Path root() {
    Path copy;
    try {
      copy = Path.of(Fixtures.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    // <module>/target/test-classes/fixtures -> <module>/src/test/resources/fixtures
    Path module = copy.getParent().getParent().getParent();
    Path source = module.resolve("src").resolve("test").resolve("resources").resolve("fixtures");
    return Files.isDirectory(source) ? source : copy;
  }

  public static ProcFs procFs() {
    return new ProcFs(root().resolve("proc"));
  }

  public static SysFs sysFs() {
    return new SysFs(root().resolve("sys"));
  }

  /** A per-test fixture tree: {@code fixtures/<TestClass>/<case>}. */
  public static Path caseDir(Class<?> testClass, String name) {
    return root().resolve(testClass.getSimpleName()).resolve(name);
  }

  /**
   * Copies a fixture tree into {@code to} (for tests that break one file), keeping symbolic links as links: sysfs
   * trees and {@code /proc/<pid>/exe} links point at paths that do not exist in the copy.
   */
  public static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (java.nio.file.Files.isSymbolicLink(p)) {
          java.nio.file.Files.deleteIfExists(target);
          java.nio.file.Files.createSymbolicLink(target, java.nio.file.Files.readSymbolicLink(p));
        } else if (java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
