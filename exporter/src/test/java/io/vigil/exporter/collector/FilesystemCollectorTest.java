package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.config.FilesystemOptions;
import io.vigil.exporter.source.FilesystemSource;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.source.UnsupportedSourceException;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FilesystemCollectorTest {

  /** statfs figures of the workstation's filesystems by mount point; bind mounts share their filesystem's. */
  private static final Map<String, FsUsage> WORKSTATION_USAGE =
      Map.ofEntries(
          Map.entry("/", statfs(4096, 122669304, 77836618, 71587402, 31227904, 29683412)),
          Map.entry("/boot/efi", statfs(4096, 130812, 129218, 129218, 0, 0)),
          Map.entry("/data", statfs(4096, 976754176, 301400211, 252562834, 244195328, 243012345)),
          Map.entry("/home/alice/Music Library", statfs(4096, 976754176, 301400211, 252562834, 244195328, 243012345)),
          Map.entry("/srv/tab\tand\\backslash", statfs(4096, 976754176, 301400211, 252562834, 244195328, 243012345)),
          Map.entry("/srv/media", statfs(1048576, 8388608, 2097152, 2097152, 536870912, 498234112)),
          Map.entry("/srv/team share", statfs(1048576, 1048576, 524288, 524288, 0, 0)),
          Map.entry("/tmp", statfs(4096, 2097152, 2093056, 2093056, 4075877, 4075843)),
          Map.entry("/srv/scratch", statfs(4096, 262144, 262144, 262144, 4075877, 4075876)),
          Map.entry("/var/lib/lxcfs", statfs(4096, 0, 0, 0, 0, 0)));

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseStuckCalls() {
    release.countDown();
  }

  /** Figures as statfs(2) gives them: block counts times the block size. */
  private static FsUsage statfs(long bsize, long blocks, long bfree, long bavail, long files, long ffree) {
    return new FsUsage(
        (double) blocks * bsize, (double) bfree * bsize, (double) bavail * bsize, OptionalDouble.of(files),
        OptionalDouble.of(ffree));
  }

  private static List<Mount> workstationMounts() throws IOException {
    Path file = Fixtures.root().resolve("MountTest/workstation/mounts");
    return Mount.parse(file, Files.readString(file), bad -> {
      throw new AssertionError(bad);
    });
  }

  /** A source with fixed mounts; usage from the map, and EACCES for FUSE mounts of another user. */
  private static FilesystemSource fixed(List<Mount> mounts, Map<String, FsUsage> usage) {
    return new FilesystemSource() {
      @Override
      public List<Mount> mounts() {
        return mounts;
      }

      @Override
      public FsUsage usage(Mount mount) throws IOException {
        FsUsage u = usage.get(mount.mountPoint());
        if (u == null) {
          throw new IOException("statvfs " + mount.mountPoint() + ": [13] Permission denied");
        }
        return u;
      }
    };
  }

  @Test
  void reportsTheWorkstationsFilesystemsLikeNodeExporter() throws Exception {
    FilesystemCollector collector =
        new FilesystemCollector(fixed(workstationMounts(), WORKSTATION_USAGE), FilesystemOptions.DEFAULT);

    // Left out by the default filters: /proc, /sys, /dev, /run and /mnt mounts, squashfs snaps, both overlays.
    // /data is listed twice and reported once; /srv/scratch is over-mounted and, as in node_exporter, reported for
    // both devices; sshfs of another user fails with EACCES: device_error 1 and nothing else.
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.
            # TYPE node_filesystem_avail_bytes gauge
            node_filesystem_avail_bytes{device="//fileserver/Team Share",fstype="cifs",mountpoint="/srv/team share"} 5.49755813888E11
            node_filesystem_avail_bytes{device="/dev/nvme0n1p1",fstype="vfat",mountpoint="/boot/efi"} 5.29276928E8
            node_filesystem_avail_bytes{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 2.93221998592E11
            node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/data"} 1.034497368064E12
            node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/home/alice/Music Library"} 1.034497368064E12
            node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/srv/tab\tand\\\\backslash"} 1.034497368064E12
            node_filesystem_avail_bytes{device="/dev/sdb1",fstype="xfs",mountpoint="/srv/scratch"} 1.073741824E9
            node_filesystem_avail_bytes{device="lxcfs",fstype="fuse.lxcfs",mountpoint="/var/lib/lxcfs"} 0.0
            node_filesystem_avail_bytes{device="nas.lan:/export/media",fstype="nfs4",mountpoint="/srv/media"} 2.199023255552E12
            node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/srv/scratch"} 1.073741824E9
            node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 8.573157376E9
            # HELP node_filesystem_device_error Whether an error occurred while getting statistics for the given device.
            # TYPE node_filesystem_device_error gauge
            node_filesystem_device_error{device="//fileserver/Team Share",fstype="cifs",mountpoint="/srv/team share"} 0.0
            node_filesystem_device_error{device="/dev/nvme0n1p1",fstype="vfat",mountpoint="/boot/efi"} 0.0
            node_filesystem_device_error{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 0.0
            node_filesystem_device_error{device="/dev/sda1",fstype="ext4",mountpoint="/data"} 0.0
            node_filesystem_device_error{device="/dev/sda1",fstype="ext4",mountpoint="/home/alice/Music Library"} 0.0
            node_filesystem_device_error{device="/dev/sda1",fstype="ext4",mountpoint="/srv/tab\tand\\\\backslash"} 0.0
            node_filesystem_device_error{device="/dev/sdb1",fstype="xfs",mountpoint="/srv/scratch"} 0.0
            node_filesystem_device_error{device="alice@build.example.org:/home/alice",fstype="fuse.sshfs",mountpoint="/home/alice/remote"} 1.0
            node_filesystem_device_error{device="lxcfs",fstype="fuse.lxcfs",mountpoint="/var/lib/lxcfs"} 0.0
            node_filesystem_device_error{device="nas.lan:/export/media",fstype="nfs4",mountpoint="/srv/media"} 0.0
            node_filesystem_device_error{device="tmpfs",fstype="tmpfs",mountpoint="/srv/scratch"} 0.0
            node_filesystem_device_error{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 0.0
            # HELP node_filesystem_files Filesystem total file nodes.
            # TYPE node_filesystem_files gauge
            node_filesystem_files{device="//fileserver/Team Share",fstype="cifs",mountpoint="/srv/team share"} 0.0
            node_filesystem_files{device="/dev/nvme0n1p1",fstype="vfat",mountpoint="/boot/efi"} 0.0
            node_filesystem_files{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 3.1227904E7
            node_filesystem_files{device="/dev/sda1",fstype="ext4",mountpoint="/data"} 2.44195328E8
            node_filesystem_files{device="/dev/sda1",fstype="ext4",mountpoint="/home/alice/Music Library"} 2.44195328E8
            node_filesystem_files{device="/dev/sda1",fstype="ext4",mountpoint="/srv/tab\tand\\\\backslash"} 2.44195328E8
            node_filesystem_files{device="/dev/sdb1",fstype="xfs",mountpoint="/srv/scratch"} 4075877.0
            node_filesystem_files{device="lxcfs",fstype="fuse.lxcfs",mountpoint="/var/lib/lxcfs"} 0.0
            node_filesystem_files{device="nas.lan:/export/media",fstype="nfs4",mountpoint="/srv/media"} 5.36870912E8
            node_filesystem_files{device="tmpfs",fstype="tmpfs",mountpoint="/srv/scratch"} 4075877.0
            node_filesystem_files{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 4075877.0
            # HELP node_filesystem_files_free Filesystem total free file nodes.
            # TYPE node_filesystem_files_free gauge
            node_filesystem_files_free{device="//fileserver/Team Share",fstype="cifs",mountpoint="/srv/team share"} 0.0
            node_filesystem_files_free{device="/dev/nvme0n1p1",fstype="vfat",mountpoint="/boot/efi"} 0.0
            node_filesystem_files_free{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 2.9683412E7
            node_filesystem_files_free{device="/dev/sda1",fstype="ext4",mountpoint="/data"} 2.43012345E8
            node_filesystem_files_free{device="/dev/sda1",fstype="ext4",mountpoint="/home/alice/Music Library"} 2.43012345E8
            node_filesystem_files_free{device="/dev/sda1",fstype="ext4",mountpoint="/srv/tab\tand\\\\backslash"} 2.43012345E8
            node_filesystem_files_free{device="/dev/sdb1",fstype="xfs",mountpoint="/srv/scratch"} 4075876.0
            node_filesystem_files_free{device="lxcfs",fstype="fuse.lxcfs",mountpoint="/var/lib/lxcfs"} 0.0
            node_filesystem_files_free{device="nas.lan:/export/media",fstype="nfs4",mountpoint="/srv/media"} 4.98234112E8
            node_filesystem_files_free{device="tmpfs",fstype="tmpfs",mountpoint="/srv/scratch"} 4075876.0
            node_filesystem_files_free{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 4075843.0
            # HELP node_filesystem_free_bytes Filesystem free space in bytes.
            # TYPE node_filesystem_free_bytes gauge
            node_filesystem_free_bytes{device="//fileserver/Team Share",fstype="cifs",mountpoint="/srv/team share"} 5.49755813888E11
            node_filesystem_free_bytes{device="/dev/nvme0n1p1",fstype="vfat",mountpoint="/boot/efi"} 5.29276928E8
            node_filesystem_free_bytes{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 3.18818787328E11
            node_filesystem_free_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/data"} 1.234535264256E12
            node_filesystem_free_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/home/alice/Music Library"} 1.234535264256E12
            node_filesystem_free_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/srv/tab\tand\\\\backslash"} 1.234535264256E12
            node_filesystem_free_bytes{device="/dev/sdb1",fstype="xfs",mountpoint="/srv/scratch"} 1.073741824E9
            node_filesystem_free_bytes{device="lxcfs",fstype="fuse.lxcfs",mountpoint="/var/lib/lxcfs"} 0.0
            node_filesystem_free_bytes{device="nas.lan:/export/media",fstype="nfs4",mountpoint="/srv/media"} 2.199023255552E12
            node_filesystem_free_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/srv/scratch"} 1.073741824E9
            node_filesystem_free_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 8.573157376E9
            # HELP node_filesystem_readonly Filesystem read-only status.
            # TYPE node_filesystem_readonly gauge
            node_filesystem_readonly{device="//fileserver/Team Share",fstype="cifs",mountpoint="/srv/team share"} 0.0
            node_filesystem_readonly{device="/dev/nvme0n1p1",fstype="vfat",mountpoint="/boot/efi"} 0.0
            node_filesystem_readonly{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 0.0
            node_filesystem_readonly{device="/dev/sda1",fstype="ext4",mountpoint="/data"} 0.0
            node_filesystem_readonly{device="/dev/sda1",fstype="ext4",mountpoint="/home/alice/Music Library"} 0.0
            node_filesystem_readonly{device="/dev/sda1",fstype="ext4",mountpoint="/srv/tab\tand\\\\backslash"} 0.0
            node_filesystem_readonly{device="/dev/sdb1",fstype="xfs",mountpoint="/srv/scratch"} 0.0
            node_filesystem_readonly{device="lxcfs",fstype="fuse.lxcfs",mountpoint="/var/lib/lxcfs"} 0.0
            node_filesystem_readonly{device="nas.lan:/export/media",fstype="nfs4",mountpoint="/srv/media"} 1.0
            node_filesystem_readonly{device="tmpfs",fstype="tmpfs",mountpoint="/srv/scratch"} 0.0
            node_filesystem_readonly{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 0.0
            # HELP node_filesystem_size_bytes Filesystem size in bytes.
            # TYPE node_filesystem_size_bytes gauge
            node_filesystem_size_bytes{device="//fileserver/Team Share",fstype="cifs",mountpoint="/srv/team share"} 1.099511627776E12
            node_filesystem_size_bytes{device="/dev/nvme0n1p1",fstype="vfat",mountpoint="/boot/efi"} 5.35805952E8
            node_filesystem_size_bytes{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 5.02453469184E11
            node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/data"} 4.000785104896E12
            node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/home/alice/Music Library"} 4.000785104896E12
            node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/srv/tab\tand\\\\backslash"} 4.000785104896E12
            node_filesystem_size_bytes{device="/dev/sdb1",fstype="xfs",mountpoint="/srv/scratch"} 1.073741824E9
            node_filesystem_size_bytes{device="lxcfs",fstype="fuse.lxcfs",mountpoint="/var/lib/lxcfs"} 0.0
            node_filesystem_size_bytes{device="nas.lan:/export/media",fstype="nfs4",mountpoint="/srv/media"} 8.796093022208E12
            node_filesystem_size_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/srv/scratch"} 1.073741824E9
            node_filesystem_size_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 8.589934592E9
            """);
  }

  @Test
  void aMountWhoseStatfsHangsIsReportedAsAnErrorAndNotAskedAgainUntilTheCallReturns() throws Exception {
    AtomicInteger hangingCalls = new AtomicInteger();
    FilesystemSource source =
        new FilesystemSource() {
          @Override
          public List<Mount> mounts() {
            return List.of(
                new Mount("/dev/vda1", "/", "ext4", List.of("rw")),
                new Mount("nas:/export", "/srv/nfs", "nfs4", List.of("rw", "hard")),
                new Mount("tmpfs", "/tmp", "tmpfs", List.of("rw")));
          }

          @Override
          public FsUsage usage(Mount mount) throws IOException {
            if (mount.mountPoint().equals("/srv/nfs")) {
              hangingCalls.incrementAndGet();
              try {
                release.await(); // a hard NFS mount whose server is gone
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
            }
            return statfs(4096, 1000, 600, 500, 100, 60);
          }
        };
    FilesystemCollector collector = new FilesystemCollector(source, withTimeout(Duration.ofMillis(100)));

    String first = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> MetricsText.of(collector.collect()));

    assertThat(first)
        .isEqualTo(
            """
            # HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.
            # TYPE node_filesystem_avail_bytes gauge
            node_filesystem_avail_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 2048000.0
            node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 2048000.0
            # HELP node_filesystem_device_error Whether an error occurred while getting statistics for the given device.
            # TYPE node_filesystem_device_error gauge
            node_filesystem_device_error{device="/dev/vda1",fstype="ext4",mountpoint="/"} 0.0
            node_filesystem_device_error{device="nas:/export",fstype="nfs4",mountpoint="/srv/nfs"} 1.0
            node_filesystem_device_error{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 0.0
            # HELP node_filesystem_files Filesystem total file nodes.
            # TYPE node_filesystem_files gauge
            node_filesystem_files{device="/dev/vda1",fstype="ext4",mountpoint="/"} 100.0
            node_filesystem_files{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 100.0
            # HELP node_filesystem_files_free Filesystem total free file nodes.
            # TYPE node_filesystem_files_free gauge
            node_filesystem_files_free{device="/dev/vda1",fstype="ext4",mountpoint="/"} 60.0
            node_filesystem_files_free{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 60.0
            # HELP node_filesystem_free_bytes Filesystem free space in bytes.
            # TYPE node_filesystem_free_bytes gauge
            node_filesystem_free_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 2457600.0
            node_filesystem_free_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 2457600.0
            # HELP node_filesystem_readonly Filesystem read-only status.
            # TYPE node_filesystem_readonly gauge
            node_filesystem_readonly{device="/dev/vda1",fstype="ext4",mountpoint="/"} 0.0
            node_filesystem_readonly{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 0.0
            # HELP node_filesystem_size_bytes Filesystem size in bytes.
            # TYPE node_filesystem_size_bytes gauge
            node_filesystem_size_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 4096000.0
            node_filesystem_size_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/tmp"} 4096000.0
            """);
    StatfsGuard guard = collector.statfsGuard();
    assertThat(guard.stuckMountPoints()).containsExactly("/srv/nfs");
    assertThat(guard.liveThreads()).as("the stuck call's thread and one fresh worker").isEqualTo(2);

    for (int i = 0; i < 20; i++) {
      assertThat(MetricsText.of(collector.collect())).isEqualTo(first);
    }
    assertThat(hangingCalls).as("a stuck mount is not asked again").hasValue(1);
    assertThat(guard.liveThreads()).as("repeated scrapes add no threads").isEqualTo(2);

    release.countDown(); // the server comes back: the stuck call returns
    awaitUntil(() -> guard.stuckMountPoints().isEmpty());
    String recovered = MetricsText.of(collector.collect());

    assertThat(hangingCalls).hasValue(2);
    String nfs = "{device=\"nas:/export\",fstype=\"nfs4\",mountpoint=\"/srv/nfs\"}";
    assertThat(recovered)
        .contains("node_filesystem_device_error" + nfs + " 0.0")
        .contains("node_filesystem_size_bytes" + nfs + " 4096000.0");
  }

  @Test
  void manyHangingMountsHoldAtMostTheGuardsThreadBudget() throws Exception {
    List<Mount> mounts = new java.util.ArrayList<>();
    for (int i = 0; i < StatfsGuard.MAX_STUCK + 5; i++) {
      mounts.add(new Mount("nas:/export/" + i, "/srv/nfs" + i, "nfs4", List.of("rw")));
    }
    AtomicInteger calls = new AtomicInteger();
    FilesystemSource source =
        new FilesystemSource() {
          @Override
          public List<Mount> mounts() {
            return mounts;
          }

          @Override
          public FsUsage usage(Mount mount) throws IOException {
            calls.incrementAndGet();
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            return statfs(4096, 1, 1, 1, 1, 1);
          }
        };
    FilesystemCollector collector = new FilesystemCollector(source, withTimeout(Duration.ofMillis(20)));

    for (int i = 0; i < 3; i++) {
      String out = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> MetricsText.of(collector.collect()));
      assertThat(out).contains("mountpoint=\"/srv/nfs20\"} 1.0").doesNotContain("} 0.0");
    }

    assertThat(calls).hasValue(StatfsGuard.MAX_STUCK);
    assertThat(collector.statfsGuard().liveThreads()).isLessThanOrEqualTo(StatfsGuard.MAX_STUCK + 1);
  }

  @Test
  void aFailingMountTableFailsTheCollector() {
    FilesystemSource broken =
        new FilesystemSource() {
          @Override
          public List<Mount> mounts() throws IOException {
            throw new MalformedFileException(Path.of("/proc/1/mounts"), 1, "garbage", "expected at least 4 fields");
          }

          @Override
          public FsUsage usage(Mount mount) {
            throw new AssertionError("not reached");
          }
        };

    assertThatThrownBy(() -> new FilesystemCollector(broken, FilesystemOptions.DEFAULT).collect())
        .isInstanceOf(MalformedFileException.class);
  }

  @Test
  void aPlatformWithoutStatfsFailsTheCollectorInsteadOfFlaggingEveryMount() {
    FilesystemSource noStatfs =
        new FilesystemSource() {
          @Override
          public List<Mount> mounts() {
            return List.of(new Mount("/dev/vda1", "/", "ext4", List.of("rw")));
          }

          @Override
          public FsUsage usage(Mount mount) throws IOException {
            throw new UnsupportedSourceException("statvfs through JNA is not available");
          }
        };

    assertThatThrownBy(() -> new FilesystemCollector(noStatfs, FilesystemOptions.DEFAULT).collect())
        .isInstanceOf(UnsupportedSourceException.class);
  }

  @Test
  void appliesConfiguredMountPointAndTypeFilters() throws Exception {
    FilesystemOptions onlyLocalDisks =
        new FilesystemOptions(
            DeviceFilter.excluding("^/(dev|proc|run|sys|snap)($|/)"),
            new DeviceFilter(Optional.of(Pattern.compile("^(ext4|xfs|vfat)$")), Optional.empty()),
            Duration.ofSeconds(5));
    FilesystemCollector collector = new FilesystemCollector(fixed(workstationMounts(), WORKSTATION_USAGE),
        onlyLocalDisks);

    assertThat(MetricsText.of(collector.collect()).lines().filter(l -> l.startsWith("node_filesystem_device_error")))
        .containsExactly(
            "node_filesystem_device_error{device=\"/dev/nvme0n1p1\",fstype=\"vfat\",mountpoint=\"/boot/efi\"} 0.0",
            "node_filesystem_device_error{device=\"/dev/nvme0n1p2\",fstype=\"ext4\",mountpoint=\"/\"} 0.0",
            "node_filesystem_device_error{device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/data\"} 0.0",
            "node_filesystem_device_error{device=\"/dev/sda1\",fstype=\"ext4\","
                + "mountpoint=\"/home/alice/Music Library\"} 0.0",
            "node_filesystem_device_error{device=\"/dev/sda1\",fstype=\"ext4\","
                + "mountpoint=\"/srv/tab\tand\\\\backslash\"} 0.0",
            "node_filesystem_device_error{device=\"/dev/sdb1\",fstype=\"xfs\",mountpoint=\"/srv/scratch\"} 0.0");
  }

  @Test
  void inodeFamiliesAreLeftOutWhereThePlatformHasNoInodeFigures() throws Exception {
    Mount c = new Mount("C:\\", "C:\\", "NTFS", List.of("rw"));
    FilesystemSource noInodes = fixed(List.of(c), Map.of("C:\\", new FsUsage(100, 50, 40, OptionalDouble.empty(),
        OptionalDouble.empty())));

    String out = MetricsText.of(new FilesystemCollector(noInodes, FilesystemOptions.DEFAULT).collect());

    assertThat(out).contains("node_filesystem_size_bytes").doesNotContain("node_filesystem_files");
  }

  @Test
  void reportsThisHostsRootFilesystem() throws Exception {
    var source = new io.vigil.exporter.source.procfs.LinuxFilesystemSource(
        new io.vigil.exporter.source.procfs.ProcFs(Path.of("/proc")), io.vigil.exporter.source.HostPaths.defaults());

    String out = MetricsText.of(new FilesystemCollector(source, FilesystemOptions.DEFAULT).collect());

    String root = "mountpoint=\"/\"}";
    assertThat(out.lines().filter(l -> l.startsWith("node_filesystem_device_error{") && l.contains(root)))
        .singleElement().asString().endsWith(" 0.0");
    assertThat(out.lines().filter(l -> l.startsWith("node_filesystem_size_bytes{") && l.contains(root))).hasSize(1);
  }

  private static FilesystemOptions withTimeout(Duration timeout) {
    FilesystemOptions d = FilesystemOptions.DEFAULT;
    return new FilesystemOptions(d.mountPoints(), d.fsTypes(), timeout);
  }

  /** Waits for something another thread does, without asserting how long it takes. */
  private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("condition not reached in 30 s");
      }
      Thread.sleep(10);
    }
  }
}
