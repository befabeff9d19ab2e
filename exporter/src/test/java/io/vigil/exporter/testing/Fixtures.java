package io.vigil.exporter.testing;

import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The canonical fixture tree under {@code src/test/resources/fixtures}. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The fixture tree in the source folder (tests run from the module directory), so sysfs symlinks are used as
   * committed; the copy on the test class path is the fallback.
   */
  public static Path root() {
    Path source = Path.of("src/test/resources/fixtures");
    if (java.nio.file.Files.isDirectory(source)) {
      return source.toAbsolutePath();
    }
    try {
      return Path.of(Fixtures.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
