package io.vigil.exporter.source;

import java.util.OptionalDouble;

/**
 * Space and inode figures of one mounted filesystem: {@code statfs(2)} on Linux, OSHI's file store elsewhere.
 *
 * @param sizeBytes total size ({@code f_blocks * f_bsize})
 * @param freeBytes free space, including what only root may use ({@code f_bfree})
 * @param availBytes space available to unprivileged users ({@code f_bavail})
 * @param files total inodes, absent where the platform does not report them
 * @param filesFree free inodes, absent where the platform does not report them
 */
public record FsUsage(
    double sizeBytes, double freeBytes, double availBytes, OptionalDouble files, OptionalDouble filesFree) {}
