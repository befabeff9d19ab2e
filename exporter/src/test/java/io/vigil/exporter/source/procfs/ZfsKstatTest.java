package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZfsKstatTest {

  private static final Path ZFS = Fixtures.root().resolve("ZfsCollectorTest/ubuntu-20.04-zfs-0.8/proc/spl/kstat/zfs");
  private static final Path FILE = Path.of("/proc/spl/kstat/zfs/arcstats");

  @Test
  void keepsUint64StatisticsInFileOrderAndSkipsInt64Ones() throws Exception {
    ZfsKstat arc = ZfsKstat.read(ZFS.resolve("arcstats"));
    assertThat(arc.uint64s()).containsEntry("hits", 98234511L).doesNotContainKey("memory_available_bytes");
    assertThat(arc.uint64s().keySet()).startsWith("hits", "misses");
  }

  @Test
  void keepsTheDatasetNameOfAnObjset() throws Exception {
    ZfsKstat objset = ZfsKstat.read(ZFS.resolve("tank/objset-0x45"));
    assertThat(objset.string("dataset_name")).contains("tank/backups");
    assertThat(objset.uint64s()).containsEntry("nread", 812334412800L).hasSize(6);
  }

  @Test
  void readsPoolsWithIoObjsetsAndState() throws Exception {
    List<ZfsPool> pools = ZfsPool.readAll(ZFS);
    assertThat(pools).extracting(ZfsPool::name).containsExactly("rpool", "tank");
    ZfsPool tank = pools.get(1);
    assertThat(tank.state()).contains("degraded");
    assertThat(tank.io()).hasValueSatisfying(io -> assertThat(io).hasSize(12).containsEntry("rcnt", 1L));
    assertThat(tank.objsets()).hasSize(2);
  }

  @Test
  void acceptsAValueAboveTheSignedRange() throws Exception {
    ZfsKstat k = ZfsKstat.parse(FILE, "name type data\nc_max 4 18446744073709551615\n");
    assertThat(k.uint64s()).isEqualTo(Map.of("c_max", -1L));
  }

  @Test
  void rejectsAFileWithoutItsHeaderOrWithABadValue() {
    assertThatThrownBy(() -> ZfsKstat.parse(FILE, ""))
        .isInstanceOf(MalformedFileException.class).hasMessage(FILE + ": no \"name type data\" header");
    assertThatThrownBy(() -> ZfsKstat.parse(FILE, "6 1 0x01\nname type data\nhits 4 -3\n"))
        .isInstanceOf(MalformedFileException.class).hasMessageStartingWith(FILE + ":3: ");
  }

  @Test
  void rejectsAnIoKstatWithoutItsHeaderRow() {
    Path io = Path.of("/proc/spl/kstat/zfs/tank/io");
    assertThatThrownBy(() -> ZfsPool.parseIo(io, "12 3 0x00 1 80\n1 2 3\n"))
        .isInstanceOf(MalformedFileException.class).hasMessageContaining("no \"nread nwritten");
  }
}
