package io.vigil.exporter.source;

/**
 * Identity of one block device for {@code node_disk_info}: udev's database ({@code /run/udev/data/b<major>:<minor>})
 * on Linux. Unknown values are empty strings, as node_exporter emits them.
 */
public record DiskInfo(
    String device, int major, int minor, String model, String path, String revision, String serial, String wwn) {}
