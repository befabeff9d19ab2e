package io.vigil.exporter.source;

import java.util.List;

/**
 * One mounted filesystem: a line of {@code /proc/1/mounts} on Linux (see proc(5), fstab(5)); an OSHI file store
 * elsewhere.
 *
 * @param device the mount source ({@code /dev/sda1}, {@code server:/export}, {@code tmpfs})
 * @param mountPoint where it is mounted, as the host sees it (without the rootfs prefix), octal escapes decoded
 * @param fsType the filesystem type ({@code ext4}, {@code nfs4})
 * @param options mount options ({@code rw}, {@code ro}, {@code relatime}, ...)
 */
public record Mount(String device, String mountPoint, String fsType, List<String> options) {

  public Mount {
    options = List.copyOf(options);
  }

  public boolean readOnly() {
    return options.contains("ro");
  }
}
