package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One host with every storage subsystem (the canonical tree plus the bcache, btrfs, ZFS, tape, FC and NFS server
 * fixtures): breaking one file fails exactly the collector that reads it, and every other storage collector still
 * succeeds.
 */
class StorageCollectorIsolationTest {

  private static final List<String> COLLECTORS = List.of("bcache", "btrfs", "fibrechannel", "mdadm", "mountstats",
      "nfs", "nfsd", "nvme", "tapestats", "xfs", "zfs");

  /** Per-test trees merged into the canonical host. */
  private static final List<String> EXTRA_TREES = List.of("BcacheCollectorTest/writeback",
      "BtrfsCollectorTest/debian12-raid1", "ZfsCollectorTest/ubuntu-20.04-zfs-0.8", "TapestatsCollectorTest/two-drives",
      "FibrechannelCollectorTest/qla2xxx", "NfsdCollectorTest/debian12-server");

  @TempDir
  static Path root;

  @BeforeAll
  static void buildHost() throws IOException {
    host(root);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          mdadm        | proc/mdstat                   | md0 : active raid1 sdb1[1] sda1[0]\\n
          nfs          | proc/net/rpc/nfs              | net 0 0 0 0\\nrpc 321333 4\\n
          nfsd         | proc/net/rpc/nfsd             | rc 0 412334 9912334\\nproc3 22 2 81233\\n
          mountstats   | proc/812/mountstats           | device nas:/x mounted on /x with fstype nfs4 statvers=1.1\\n\\tevents:\\t1 2\\n
          mountstats   | proc/812/mountinfo            | 23 28 0:21 / /sys rw\\n
          xfs          | sys/fs/xfs/dm-0/stats/stats   | extent_alloc 184523 29374211\\n
          zfs          | proc/spl/kstat/zfs/arcstats   | 6 1 0x01 91 4368 5266397614 25436417163658\\nhits 4 98234511\\n
          zfs          | proc/spl/kstat/zfs/tank/io    | 12 3 0x00 1 80\\nnread nwritten reads writes wtime wlentime wupdate rtime rlentime rupdate wcnt rcnt\\n1 2\\n
          bcache       | sys/fs/bcache/4a61e9d2-88f4-4c1f-9bb1-2a8c3e5d7f60/bdev0/dirty_data | 1.6Q.\\n
          btrfs        | sys/fs/btrfs/7e2b8c1d-4f3a-4d5e-9a6b-1c2d3e4f5a6b/allocation/data/raid1/used_bytes | 3.8T\\n
          tapestats    | sys/class/scsi_tape/st0/stats/write_cnt | 0x\\n
          fibrechannel | sys/class/fc_host/host1/statistics/rx_frames | 0xzz\\n
          """)
  void aBrokenFileFailsOnlyItsCollector(String collector, String file, String content) throws Exception {
    Path broken = root.resolve(file);
    assertThat(broken).as("the file exists before it is broken").isRegularFile();
    byte[] original = Files.readAllBytes(broken);
    Files.writeString(broken, content.replace("\\n", "\n").replace("\\t", "\t"));
    try {
      List<String> failed = new ArrayList<>();
      for (String name : COLLECTORS) {
        try {
          collector(root, name).collect();
        } catch (MalformedFileException e) {
          assertThat(e.path().toRealPath()).as(name + " names the broken file").isEqualTo(broken.toRealPath());
          failed.add(name);
        }
      }
      assertThat(failed).containsExactly(collector);
    } finally {
      Files.write(broken, original);
    }
  }

  @Test
  void everyStorageCollectorSucceedsOnTheIntactHost() throws Exception {
    for (String name : COLLECTORS) {
      assertThat(collector(root, name).collect()).as(name).isNotEmpty();
    }
  }

  private static Collector collector(Path root, String name) throws Exception {
    ProcFs proc = new ProcFs(root.resolve("proc"));
    SysFs sys = new SysFs(root.resolve("sys"));
    HostPaths paths = HostPaths.underRoot(root);
    CollectorContext ctx = new CollectorContext(LinuxSources.create(proc, sys, paths), Optional.of(proc),
        Optional.of(sys), paths, CollectorOptions.DEFAULT);
    return CollectorCatalogue.find(name).orElseThrow().factory().create(ctx);
  }

  /** The canonical host with the storage subsystems of the per-test trees added. */
  private static void host(Path root) throws IOException {
    copyTree(Fixtures.root().resolve("proc"), root.resolve("proc"));
    copyTree(Fixtures.root().resolve("sys"), root.resolve("sys"));
    for (String tree : EXTRA_TREES) {
      for (String top : List.of("proc", "sys")) {
        Path from = Fixtures.root().resolve(tree).resolve(top);
        if (Files.isDirectory(from)) {
          copyTree(from, root.resolve(top));
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Fixtures.copyTree(from, to);
  }
}
