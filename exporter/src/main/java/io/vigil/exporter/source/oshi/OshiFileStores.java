package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.FilesystemSource;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.Mount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Mounts and their usage from OSHI's {@link OSFileStore}s. Only local stores are listed
 * ({@code getFileStores(true)}): listing network stores would probe every NFS server (2 s timeout each), and OSHI
 * already leaves out pseudo filesystems. {@link #usage} re-reads the one store it is asked about with
 * {@code updateAttributes()}; the store objects come from the latest {@link #mounts()}.
 *
 * <p>Mapping: device = OSHI volume ({@code /dev/disk3s1s1}, {@code \\?\Volume{..}\}), mount point = OSHI mount
 * ({@code /}, {@code C:\}), type = OSHI type ({@code apfs}, {@code NTFS}), options = OSHI options split on commas.
 * Inode figures are absent where OSHI reports 0 total and 0 free (Windows, some network and FUSE stores).
 *
 * <p>Thread safety: the mount map is replaced atomically; reading one store is synchronized on that store.
 */
final class OshiFileStores implements FilesystemSource {

  private final FileSystem fileSystem;
  private final AtomicReference<Map<String, OSFileStore>> byMountPoint = new AtomicReference<>(Map.of());

  OshiFileStores(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  @Override
  public List<Mount> mounts() {
    return mounts(refresh());
  }

  @Override
  public FsUsage usage(Mount mount) throws IOException {
    OSFileStore store = byMountPoint.get().get(mount.mountPoint());
    if (store == null) {
      store = refresh().stream().filter(s -> s.getMount().equals(mount.mountPoint())).reduce((a, b) -> b)
          .orElseThrow(() -> new IOException("no local file store is mounted at " + mount.mountPoint()));
    }
    synchronized (store) {
      if (!store.updateAttributes()) {
        throw new IOException("file store " + mount.mountPoint() + " could not be read (unmounted?)");
      }
      return usage(store);
    }
  }

  private List<OSFileStore> refresh() {
    List<OSFileStore> stores = fileSystem.getFileStores(true);
    Map<String, OSFileStore> map = new HashMap<>();
    for (OSFileStore store : stores) {
      map.put(store.getMount(), store); // the later mount on the same point hides the earlier one, as in the kernel
    }
    byMountPoint.set(map);
    return stores;
  }

  static List<Mount> mounts(List<OSFileStore> stores) {
    List<Mount> mounts = new ArrayList<>(stores.size());
    for (OSFileStore store : stores) {
      mounts.add(new Mount(store.getVolume(), store.getMount(), store.getType(), options(store.getOptions())));
    }
    return mounts;
  }

  static List<String> options(String options) {
    if (options == null || options.isBlank()) {
      return List.of();
    }
    return Arrays.stream(options.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
  }

  static FsUsage usage(OSFileStore store) {
    long files = store.getTotalInodes();
    long filesFree = store.getFreeInodes();
    boolean inodes = files > 0 || filesFree > 0;
    return new FsUsage(
        store.getTotalSpace(),
        store.getFreeSpace(),
        store.getUsableSpace(),
        inodes ? OptionalDouble.of(files) : OptionalDouble.empty(),
        inodes ? OptionalDouble.of(filesFree) : OptionalDouble.empty());
  }
}
