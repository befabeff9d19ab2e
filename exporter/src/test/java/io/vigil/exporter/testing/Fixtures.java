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
}
