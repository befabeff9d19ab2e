package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One NVMe controller: {@code /sys/class/nvme/<name>/} (drivers/nvme/host/sysfs.c; Documentation/ABI/testing/
 * sysfs-class-nvme). {@code model}, {@code serial} and {@code firmware_rev} are the Identify Controller strings,
 * space-padded by the kernel and trimmed here; {@code state} is the controller state ({@code live},
 * {@code resetting}, {@code connecting}, {@code deleting}, {@code dead}, ...).
 *
 * @param name {@code nvme0}
 * @param firmwareRevision absent when the attribute is
 * @param model absent when the attribute is
 * @param serial absent when the attribute is
 * @param state absent when the attribute is
 */
public record NvmeController(
    String name, Optional<String> firmwareRevision, Optional<String> model, Optional<String> serial,
    Optional<String> state) {

  /** The class directory node_exporter lists. */
  public static Path classDirectory(SysFs sys) {
    return sys.path("class", "nvme");
  }

  /**
   * Reads every controller under {@code <sysfs>/class/nvme}, sorted by name.
   *
   * @throws java.nio.file.NoSuchFileException when the class directory does not exist (no NVMe driver)
   */
  public static List<NvmeController> readAll(SysFs sys) throws IOException {
    List<NvmeController> controllers = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(classDirectory(sys))) {
      controllers.add(new NvmeController(
          dir.getFileName().toString(),
          SysFs.readAttribute(dir.resolve("firmware_rev")),
          SysFs.readAttribute(dir.resolve("model")),
          SysFs.readAttribute(dir.resolve("serial")),
          SysFs.readAttribute(dir.resolve("state"))));
    }
    return List.copyOf(controllers);
  }
}
