package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.FilesystemSource;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.Mount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Mounts and their usage on Linux, as node_exporter 1.5's filesystem collector sees them: the mount table of PID 1
 * (the host's namespace when the exporter runs in a container with {@code --pid=host}), mount points reported without
 * the {@code --path.rootfs} prefix, and {@code statvfs} on {@code rootfs + mountpoint}.
 *
 * <p>Thread safety: immutable; {@link #usage} may block on a dead network mount (see {@link FilesystemSource}).
 */
public final class LinuxFilesystemSource implements FilesystemSource {

  private static final Logger LOG = Logger.getLogger(LinuxFilesystemSource.class.getName());

  private final ProcFs proc;
  private final HostPaths paths;

  public LinuxFilesystemSource(ProcFs proc, HostPaths paths) {
    this.proc = proc;
    this.paths = paths;
  }

  /**
   * Reads {@code /proc/1/mounts}, or {@code /proc/self/mounts} when PID 1's table cannot be read ({@code hidepid}
   * mounts of /proc, or no permission).
   */
  @Override
  public List<Mount> mounts() throws IOException {
    Path pid1 = proc.path("1", "mounts");
    Path file = pid1;
    String text;
    try {
      text = ProcFs.readText(pid1);
    } catch (IOException e) {
      LOG.fine(() -> "collector=filesystem cannot read " + pid1 + " (" + e + "), reading self/mounts instead");
      file = proc.path("self", "mounts");
      text = ProcFs.readText(file);
    }
    Path source = file;
    List<Mount> parsed =
        Mount.parse(source, text, bad -> LOG.fine(() -> "collector=filesystem skipping mount: " + bad.getMessage()));
    List<Mount> mounts = new ArrayList<>(parsed.size());
    for (Mount m : parsed) {
      mounts.add(m.atMountPoint(stripRootfs(m.mountPoint())));
    }
    return mounts;
  }

  @Override
  public FsUsage usage(Mount mount) throws IOException {
    return Statvfs.usage(paths.rootfsPath(mount.mountPoint()).toString());
  }

  /**
   * The mount point as the host sees it: {@code /host/srv} is {@code /srv} when {@code --path.rootfs=/host}, and the
   * rootfs itself is {@code /} (node_exporter's {@code rootfsStripPrefix}, here only at a path boundary).
   */
  String stripRootfs(String mountPoint) {
    String root = paths.rootfs().toString();
    if (root.equals("/") || root.isEmpty()) {
      return mountPoint;
    }
    if (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    if (mountPoint.equals(root)) {
      return "/";
    }
    if (mountPoint.startsWith(root) && mountPoint.charAt(root.length()) == '/') {
      return mountPoint.substring(root.length());
    }
    return mountPoint;
  }
}
