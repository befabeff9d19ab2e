package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Firmware identity from the SMBIOS/DMI tables: the files of {@code /sys/class/dmi/id} (created by the kernel's
 * drivers/firmware/dmi-id.c, one per DMI string the firmware provides), keyed by node_exporter's label
 * names ({@code sys_vendor} becomes {@code system_vendor}; {@code chassis_type}, {@code modalias} and
 * {@code uevent} are not labels).
 *
 * <p>Only files that exist and can be read are present: serial numbers and {@code product_uuid} are readable by
 * root only, and virtual machines often have no board files at all. An empty file is present with an empty value.
 *
 * @param labels label name to value (whitespace-trimmed, at most {@link AttributeFile#MAX_BYTES} bytes), sorted by
 *     label name
 */
public record DmiId(Map<String, String> labels) {

  /** node_exporter's {@code node_dmi_info} label names, each the name of its file except {@code system_vendor}. */
  public static final List<String> LABELS =
      List.of(
          "bios_date", "bios_release", "bios_vendor", "bios_version", "board_asset_tag", "board_name",
          "board_serial", "board_vendor", "board_version", "chassis_asset_tag", "chassis_serial",
          "chassis_vendor", "chassis_version", "product_family", "product_name", "product_serial", "product_sku",
          "product_uuid", "product_version", "system_vendor");

  public DmiId {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** True when none of the known files could be read (no DMI tables, or a directory without them). */
  public boolean isEmpty() {
    return labels.isEmpty();
  }

  /**
   * Reads {@code <sysfs>/class/dmi/id}. A missing directory gives an empty result (no DMI on this platform, such as
   * most ARM boards); files the process may not read are left out; any other read failure is an error.
   */
  public static DmiId read(SysFs sysFs) throws IOException {
    Path dir = sysFs.path("class", "dmi", "id");
    Map<String, String> files = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        // Only regular files: the directory also holds power/ and the subsystem link.
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || name.equals("modalias") || name.equals("uevent")) {
          continue;
        }
        try {
          files.put(name, GoStrings.trimSpace(AttributeFile.read(file)));
        } catch (AccessDeniedException ignored) {
          // serials and product_uuid are root-only (0400): absent for an unprivileged exporter, as in node_exporter
        }
      }
    } catch (NoSuchFileException e) {
      return new DmiId(Map.of());
    }
    return fromFiles(files);
  }

  /** Maps file names to label names, keeping only the files that are labels. */
  public static DmiId fromFiles(Map<String, String> files) {
    Map<String, String> labels = new TreeMap<>();
    for (String label : LABELS) {
      String file = label.equals("system_vendor") ? "sys_vendor" : label;
      String value = files.get(file);
      if (value != null) {
        labels.put(label, value);
      }
    }
    return new DmiId(labels);
  }
}
