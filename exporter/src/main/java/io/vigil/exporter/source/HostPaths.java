package io.vigil.exporter.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where host data lives, like node_exporter's {@code --path.procfs}, {@code --path.sysfs}, {@code --path.rootfs} and
 * {@code --path.udev.data}. In a container, {@code rootfs=/host} reads the host's files.
 */
public record HostPaths(Path procfs, Path sysfs, Path rootfs, Path udevData) {

  public HostPaths {
    Objects.requireNonNull(procfs, "procfs");
    Objects.requireNonNull(sysfs, "sysfs");
    Objects.requireNonNull(rootfs, "rootfs");
    Objects.requireNonNull(udevData, "udevData");
  }

  /** The defaults for a process reading its own host. */
  public static HostPaths defaults() {
    return new HostPaths(Path.of("/proc"), Path.of("/sys"), Path.of("/"), Path.of("/run/udev/data"));
  }

  /** Paths under a root prefix: {@code /host} gives {@code /host/proc}, {@code /host/sys}, ... */
  public static HostPaths underRoot(Path rootfs) {
    return new HostPaths(
        rootfs.resolve("proc"), rootfs.resolve("sys"), rootfs, rootfs.resolve("run/udev/data"));
  }

  /** A path of the host's filesystem, e.g. {@code /etc/os-release}, placed under the root prefix. */
  public Path rootfsPath(String absolute) {
    return rootfs.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
  }
}
