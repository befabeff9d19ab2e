package io.vigil.exporter.config;

import java.time.Duration;

/**
 * Options of the filesystem collector.
 *
 * @param mountPoints filter on mount points (node_exporter's {@code mount-points-exclude} default)
 * @param fsTypes filter on filesystem types (node_exporter's {@code fs-types-exclude} default)
 * @param statTimeout how long one {@code statfs} may take before the mount is reported with
 *     {@code device_error 1} and skipped until the stuck call returns (a dead NFS server)
 */
public record FilesystemOptions(DeviceFilter mountPoints, DeviceFilter fsTypes, Duration statTimeout) {

  /** node_exporter 1.5's Linux default as packaged in Debian. */
  public static final String DEFAULT_MOUNT_POINTS_EXCLUDE =
      "^/(dev|proc|run|sys|mnt|media|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)";

  public static final String DEFAULT_FS_TYPES_EXCLUDE =
      "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs"
          + "|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$";

  public static final FilesystemOptions DEFAULT =
      new FilesystemOptions(
          DeviceFilter.excluding(DEFAULT_MOUNT_POINTS_EXCLUDE),
          DeviceFilter.excluding(DEFAULT_FS_TYPES_EXCLUDE),
          Duration.ofSeconds(5));
}
