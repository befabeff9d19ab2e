package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code /sys} tree under a configurable mount point (node_exporter's {@code --path.sysfs}).
 *
 * <p>Thread safety: immutable.
 */
public final class SysFs {

  private final Path root;

  public SysFs(Path root) {
    this.root = root;
  }

  public static SysFs open(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("sysfs root " + root + " is not a directory (check --path.sysfs / --path.rootfs)");
    }
    return new SysFs(root);
  }

  public Path root() {
    return root;
  }

  public Path path(String first, String... more) {
    Path p = root.resolve(first);
    for (String m : more) {
      p = p.resolve(m);
    }
    return p;
  }

  /**
   * Reads a one-value attribute file, trimmed. Absent when the file does not exist or the kernel refuses the read
   * (many attributes return EINVAL while a link is down, or EACCES for non-root): optional attributes are simply
   * absent, never 0.
   */
  public static Optional<String> readAttribute(Path file) {
    try {
      return Optional.of(ProcFs.readText(file).trim());
    } catch (NoSuchFileException ignored) {
      return Optional.empty(); // attribute not provided by this driver or kernel
    } catch (IOException ignored) {
      return Optional.empty(); // EINVAL/EACCES: the kernel has no value for it now
    }
  }
}
