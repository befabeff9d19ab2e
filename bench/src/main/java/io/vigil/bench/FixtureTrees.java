package io.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Generates a procfs/sysfs tree of a chosen size in a temporary directory, for the scaling benchmarks: {@code cpus}
 * lines in {@code /proc/stat}, {@code mounts} ext4 mounts in {@code /proc/1/mounts} (with their mount point
 * directories under the root, so {@code statvfs} succeeds), {@code interfaces} devices in {@code /proc/net/dev} and
 * {@code /sys/class/net}, and {@code disks} NVMe namespaces in {@code /proc/diskstats}. Values follow the kernel's
 * formats (diskstats with the 17 counters of Linux 5.5+); trees are never committed.
 */
public final class FixtureTrees {

  /** The size of one tree. */
  public record Shape(int cpus, int mounts, int interfaces, int disks) {

    /** A small host; a scaling run grows one dimension of it at a time. */
    public static final Shape BASE = new Shape(4, 10, 2, 4);

    /** {@code cpus=64} is {@link #BASE} with 64 CPUs, and so on. */
    public static Shape parse(String spec) {
      String[] kv = spec.split("=", 2);
      int n = Integer.parseInt(kv[1]);
      return switch (kv[0]) {
        case "cpus" -> new Shape(n, BASE.mounts, BASE.interfaces, BASE.disks);
        case "mounts" -> new Shape(BASE.cpus, n, BASE.interfaces, BASE.disks);
        case "interfaces" -> new Shape(BASE.cpus, BASE.mounts, n, BASE.disks);
        case "disks" -> new Shape(BASE.cpus, BASE.mounts, BASE.interfaces, n);
        default -> throw new IllegalArgumentException("unknown dimension " + kv[0]);
      };
    }
  }

  private FixtureTrees() {}

  /** Writes a tree of {@code shape} under a new temporary directory and returns its root. */
  public static Path generate(Shape shape) throws IOException {
    Path root = Files.createTempDirectory("vigil-scaling-");
    Path proc = Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("sys/class/net"));
    Files.createDirectories(root.resolve("run/udev/data"));
    write(proc.resolve("stat"), stat(shape.cpus()));
    write(proc.resolve("1/mounts"), mounts(root, shape.mounts()));
    write(proc.resolve("net/dev"), netDev(shape.interfaces()));
    for (int i = 0; i < shape.interfaces(); i++) {
      netClass(root.resolve("sys/class/net/eth" + i), i);
    }
    write(proc.resolve("diskstats"), diskstats(shape.disks()));
    return root;
  }

  /** Removes a generated tree. */
  public static void delete(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String stat(int cpus) {
    StringBuilder b = new StringBuilder();
    b.append(cpuLine("cpu ", cpus * 1000L));
    for (int i = 0; i < cpus; i++) {
      b.append(cpuLine("cpu" + i, 1000L + i));
    }
    b.append("intr 1234567 35 9 0 0 0 0 0 0 1 0 0 0 156 0 0 0\n");
    b.append("ctxt 98765432\nbtime 1700000000\nprocesses 123456\nprocs_running 3\nprocs_blocked 0\n");
    b.append("softirq 2345678 1 234 5 678 9 0 12 345 0 6789\n");
    return b.toString();
  }

  private static String cpuLine(String label, long base) {
    return String.format(Locale.ROOT, "%s %d %d %d %d %d 0 %d 0 0 0%n", label, base * 11, base / 100, base * 4,
        base * 200, base / 10, base / 50);
  }

  static String mounts(Path root, int n) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("/dev/vda1 / ext4 rw,relatime 0 0\n");
    b.append("proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n");
    b.append("sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n");
    b.append("tmpfs /run tmpfs rw,nosuid,nodev,size=1620384k,mode=755 0 0\n");
    for (int i = 0; i < n; i++) {
      String mountPoint = "/data/vol" + i;
      Files.createDirectories(root.resolve(mountPoint.substring(1)));
      b.append("/dev/vdb").append(i).append(' ').append(mountPoint).append(" ext4 rw,relatime,errors=remount-ro 0 0\n");
    }
    return b.toString();
  }

  static String netDev(int n) {
    StringBuilder b = new StringBuilder();
    b.append("Inter-|   Receive                                                |  Transmit\n");
    b.append(" face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls"
        + " carrier compressed\n");
    b.append("    lo: 5289374511 4817205    0    0    0     0          0         0 5289374511 4817205    0    0    0"
        + "     0       0          0\n");
    for (int i = 0; i < n; i++) {
      b.append(String.format(Locale.ROOT,
          "%6s: %d %d    3 %d    0     2          0    %d %d %d    0    0    0     0       0          0%n",
          "eth" + i, 98765432109L + i, 81234567 + i, 1842 + i, 455012 + i, 12345678901L + i, 45678901 + i));
    }
    return b.toString();
  }

  static void netClass(Path dir, int i) throws IOException {
    Files.createDirectories(dir.resolve("statistics"));
    String mac = String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    String[][] attributes = {
      {"addr_assign_type", "0"}, {"address", mac}, {"broadcast", "ff:ff:ff:ff:ff:ff"}, {"carrier", "1"},
      {"carrier_changes", "2"}, {"carrier_down_count", "1"}, {"carrier_up_count", "1"}, {"dev_id", "0x0"},
      {"dormant", "0"}, {"duplex", "full"}, {"flags", "0x1003"}, {"ifalias", ""}, {"ifindex", "" + (i + 2)},
      {"iflink", "" + (i + 2)}, {"link_mode", "0"}, {"mtu", "1500"}, {"name_assign_type", "4"},
      {"netdev_group", "0"}, {"operstate", "up"}, {"speed", "10000"}, {"tx_queue_len", "1000"}, {"type", "1"},
      {"statistics/rx_nohandler", "0"},
    };
    for (String[] a : attributes) {
      write(dir.resolve(a[0]), a[1] + "\n");
    }
  }

  static String diskstats(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      long k = 1000L * (i + 1);
      b.append(String.format(Locale.ROOT,
          " 259 %7d nvme%dn1 %d %d %d %d %d %d %d %d 0 %d %d %d 0 %d %d %d %d%n",
          i, i, k * 412, k * 80, k * 35874, k * 98, k * 1523, k * 1032, k * 98234, k * 2345, k * 1184, k * 2511,
          k * 12, k * 310, k * 3, k * 215, k * 64));
    }
    return b.toString();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
