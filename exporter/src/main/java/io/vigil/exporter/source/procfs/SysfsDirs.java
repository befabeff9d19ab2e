package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Directory listings and numeric attributes for the sysfs readers of the storage collectors.
 *
 * <p>Thread safety: stateless.
 */
final class SysfsDirs {

  private SysfsDirs() {}

  /**
   * The subdirectories of {@code dir} (sysfs class entries are symlinks to directories; both count), sorted by name
   * so output does not depend on directory order.
   *
   * @throws java.nio.file.NoSuchFileException when {@code dir} does not exist
   */
  static List<Path> subdirectories(Path dir) throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          dirs.add(entry);
        }
      }
    }
    dirs.sort(null);
    return dirs;
  }

  /**
   * A {@code u64} attribute, decimal or {@code 0x} hexadecimal as sysfs prints it; absent when the file is.
   *
   * @throws MalformedFileException when the attribute is present but not an unsigned integer
   */
  static Optional<Long> unsigned(Path file) throws MalformedFileException {
    Optional<String> text = SysFs.readAttribute(file);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Uint64.parseAnyBase(text.get()));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(file, 1, text.get(), "expected an unsigned integer");
    }
  }
}
