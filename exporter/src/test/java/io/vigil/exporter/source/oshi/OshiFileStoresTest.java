package io.vigil.exporter.source.oshi;

import static io.vigil.exporter.source.oshi.OshiFakes.fake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.Mount;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

class OshiFileStoresTest {

  private final AtomicLong free = new AtomicLong(400);
  private final AtomicInteger updates = new AtomicInteger();
  private final AtomicInteger listings = new AtomicInteger();

  private OSFileStore store(String volume, String mount, String type, String options, long inodes) {
    Map<String, Object> a = new HashMap<>();
    a.put("getVolume", volume);
    a.put("getMount", mount);
    a.put("getType", type);
    a.put("getOptions", options);
    a.put("getTotalSpace", 1000L);
    a.put("getFreeSpace", (Supplier<Long>) free::get);
    a.put("getUsableSpace", (Supplier<Long>) () -> free.get() - 50);
    a.put("getTotalInodes", inodes);
    a.put("getFreeInodes", inodes / 2);
    a.put("updateAttributes", (Supplier<Boolean>) () -> updates.incrementAndGet() > 0);
    return fake(OSFileStore.class, a);
  }

  private OshiFileStores source(List<OSFileStore> stores) {
    return new OshiFileStores(fake(FileSystem.class, Map.of("getFileStores", (Supplier<List<OSFileStore>>) () -> {
      listings.incrementAndGet();
      return stores;
    })));
  }

  @Test
  void mapsVolumeMountTypeAndCommaSeparatedOptions() {
    OshiFileStores fs = source(List.of(
        store("/dev/disk3s1s1", "/", "apfs", "ro,local,rootfs,dovolfs,journaled", 100),
        store("\\\\?\\Volume{1b2c}\\", "C:\\", "NTFS", "rw,reparse,sparse,trans", 0)));
    assertThat(fs.mounts())
        .containsExactly(
            new Mount("/dev/disk3s1s1", "/", "apfs", List.of("ro", "local", "rootfs", "dovolfs", "journaled")),
            new Mount("\\\\?\\Volume{1b2c}\\", "C:\\", "NTFS", List.of("rw", "reparse", "sparse", "trans")));
  }

  @Test
  void emptyOptionsGiveNoOptions() {
    assertThat(OshiFileStores.options("")).isEmpty();
    assertThat(OshiFileStores.options(null)).isEmpty();
    assertThat(OshiFileStores.options("rw,,noatime")).containsExactly("rw", "noatime");
  }

  @Test
  void usageReReadsTheStoreEachTime() throws IOException {
    OshiFileStores fs = source(List.of(store("/dev/sda1", "/", "ext4", "rw", 100)));
    Mount root = fs.mounts().get(0);
    assertThat(fs.usage(root))
        .isEqualTo(new FsUsage(1000, 400, 350, OptionalDouble.of(100), OptionalDouble.of(50)));
    free.set(300);
    assertThat(fs.usage(root).freeBytes()).isEqualTo(300);
    assertThat(updates).hasValue(2);
    assertThat(listings).hasValue(1);
  }

  @Test
  void inodesAreAbsentWhenOshiReportsZeroOfZero() throws IOException {
    OshiFileStores fs = source(List.of(store("\\\\?\\Volume{1b2c}\\", "C:\\", "NTFS", "rw", 0)));
    FsUsage usage = fs.usage(fs.mounts().get(0));
    assertThat(usage.files()).isEmpty();
    assertThat(usage.filesFree()).isEmpty();
  }

  @Test
  void usageOfAMountNotYetListedListsStoresOnce() throws IOException {
    OshiFileStores fs = source(List.of(store("/dev/sda1", "/", "ext4", "rw", 100)));
    assertThat(fs.usage(new Mount("/dev/sda1", "/", "ext4", List.of())).sizeBytes()).isEqualTo(1000);
    assertThat(listings).hasValue(1);
  }

  @Test
  void usageOfAnUnknownMountFailsNamingIt() {
    OshiFileStores fs = source(List.of(store("/dev/sda1", "/", "ext4", "rw", 100)));
    fs.mounts();
    assertThatThrownBy(() -> fs.usage(new Mount("srv:/x", "/mnt/nfs", "nfs4", List.of())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/mnt/nfs");
  }

  @Test
  void aStoreThatCanNoLongerBeReadFailsTheUsage() {
    Map<String, Object> a = new HashMap<>();
    a.put("getVolume", "/dev/sdb1");
    a.put("getMount", "/media/usb");
    a.put("getType", "vfat");
    a.put("getOptions", "rw");
    a.put("updateAttributes", false);
    OshiFileStores fs = source(List.of(fake(OSFileStore.class, a)));
    Mount usb = fs.mounts().get(0);
    assertThatThrownBy(() -> fs.usage(usb)).isInstanceOf(IOException.class).hasMessageContaining("/media/usb");
  }
}
