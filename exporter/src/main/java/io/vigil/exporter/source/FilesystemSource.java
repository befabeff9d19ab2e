package io.vigil.exporter.source;

import java.io.IOException;
import java.util.List;

/**
 * Mounted filesystems and their usage. {@link #usage} may block for a long time on a dead network mount; the
 * filesystem collector calls it under its own deadline.
 */
public interface FilesystemSource {

  /** Every mount, unfiltered, in mount-table order. */
  List<Mount> mounts() throws IOException;

  /** Space and inode figures of one mount. */
  FsUsage usage(Mount mount) throws IOException;
}
