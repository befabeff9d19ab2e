package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One EDAC memory controller: {@code /sys/devices/system/edac/mc/mc<N>/} and its legacy {@code csrow<M>/}
 * directories (Documentation/admin-guide/ras.rst, drivers/edac/edac_mc_sysfs.c). Counts are errors since the last
 * reset ({@code seconds_since_reset}). The {@code *_noinfo_count} files count errors the driver could not attribute
 * to a csrow.
 *
 * @param controller the digits after {@code mc} ({@code "0"})
 * @param correctable {@code ce_count}
 * @param correctableNoInfo {@code ce_noinfo_count}
 * @param uncorrectable {@code ue_count}
 * @param uncorrectableNoInfo {@code ue_noinfo_count}
 * @param csrows the {@code csrow<M>} directories, sorted by name
 */
public record EdacMemoryController(
    String controller, long correctable, long correctableNoInfo, long uncorrectable, long uncorrectableNoInfo,
    List<Csrow> csrows) {

  /**
   * One chip-select row.
   *
   * @param csrow the digits after {@code csrow}
   * @param correctable {@code ce_count}
   * @param uncorrectable {@code ue_count}
   */
  public record Csrow(String csrow, long correctable, long uncorrectable) {}

  /**
   * Reads every {@code mc<N>} controller, sorted by directory name. No {@code edac/mc} directory (no EDAC driver,
   * non-ECC memory, virtual machines) gives an empty list, as node_exporter's glob does.
   *
   * @throws java.nio.file.NoSuchFileException when a controller or csrow lacks one of its count files
   * @throws MalformedFileException when a count is not an unsigned integer
   */
  public static List<EdacMemoryController> readAll(SysFs sys) throws IOException {
    List<EdacMemoryController> out = new ArrayList<>();
    for (Path mc : numbered(sys.path("devices", "system", "edac", "mc"), "mc")) {
      List<Csrow> csrows = new ArrayList<>();
      for (Path row : numbered(mc, "csrow")) {
        csrows.add(new Csrow(digitsAfter(row, "csrow"), count(row, "ce_count"), count(row, "ue_count")));
      }
      out.add(new EdacMemoryController(digitsAfter(mc, "mc"), count(mc, "ce_count"), count(mc, "ce_noinfo_count"),
          count(mc, "ue_count"), count(mc, "ue_noinfo_count"), List.copyOf(csrows)));
    }
    return List.copyOf(out);
  }

  /** Entries named {@code <prefix><digit>...} (node_exporter's glob {@code <prefix>[0-9]*}), sorted by name. */
  private static List<Path> numbered(Path dir, String prefix) throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.length() > prefix.length() && name.startsWith(prefix)
            && Character.isDigit(name.charAt(prefix.length()))) {
          found.add(entry);
        }
      }
    }
    found.sort(null);
    return found;
  }

  /** The leading digits after the prefix, as node_exporter's {@code mc([0-9]*)} submatch gives them. */
  private static String digitsAfter(Path entry, String prefix) {
    String name = entry.getFileName().toString();
    int end = prefix.length();
    while (end < name.length() && Character.isDigit(name.charAt(end))) {
      end++;
    }
    return name.substring(prefix.length(), end);
  }

  private static long count(Path dir, String file) throws IOException {
    Path path = dir.resolve(file);
    String text = ProcFs.readText(path).trim();
    try {
      return Uint64.parse(text);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, 1, text, "expected an error count");
    }
  }
}
