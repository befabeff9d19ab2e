package io.vigil.exporter.source.oshi;

import static io.vigil.exporter.source.oshi.OshiFakes.fake;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.DiskStats.Counter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.hardware.HWDiskStore;
import oshi.util.PlatformEnum;

class OshiDisksTest {

  private static HWDiskStore disk(String name, String model, String serial) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("getName", name);
    answers.put("getModel", model);
    answers.put("getSerial", serial);
    answers.put("getReads", 120L);
    answers.put("getReadBytes", 4096L * 120);
    answers.put("getWrites", 30L);
    answers.put("getWriteBytes", 8192L * 30);
    answers.put("getCurrentQueueLength", 2L);
    answers.put("getTransferTime", 1500L);
    answers.put("updateAttributes", true);
    return fake(HWDiskStore.class, answers);
  }

  @Test
  void linuxTransferTimeIsBusyTimeAndQueueLengthIsInFlight() {
    DiskStats stats = OshiDisks.stats(disk("/dev/nvme0n1", "unknown", "unknown"), OshiPlatform.of(PlatformEnum.LINUX));
    assertThat(stats.device()).isEqualTo("nvme0n1");
    assertThat(stats.major()).isEqualTo(-1);
    assertThat(stats.values())
        .containsExactly(
            Map.entry(Counter.READS_COMPLETED, 120.0),
            Map.entry(Counter.READ_BYTES, 491520.0),
            Map.entry(Counter.WRITES_COMPLETED, 30.0),
            Map.entry(Counter.WRITTEN_BYTES, 245760.0),
            Map.entry(Counter.IO_NOW, 2.0),
            Map.entry(Counter.IO_TIME_SECONDS, 1.5));
  }

  @Test
  void macTransferTimeIsSummedRequestTimeAndHasNoQueueLength() {
    DiskStats stats = OshiDisks.stats(disk("disk0", "APPLE SSD", "X"), OshiPlatform.of(PlatformEnum.MACOS));
    assertThat(stats.values()).doesNotContainKeys(Counter.IO_NOW, Counter.IO_TIME_SECONDS);
    assertThat(stats.values()).containsEntry(Counter.IO_TIME_WEIGHTED_SECONDS, 1.5);
  }

  @Test
  void windowsDiskTimeIsWeightedAndThePhysicalDrivePrefixIsDropped() {
    DiskStats stats =
        OshiDisks.stats(disk("\\\\.\\PHYSICALDRIVE0", "Samsung SSD", "S4"), OshiPlatform.of(PlatformEnum.WINDOWS));
    assertThat(stats.device()).isEqualTo("PHYSICALDRIVE0");
    assertThat(stats.values()).containsEntry(Counter.IO_NOW, 2.0).containsEntry(Counter.IO_TIME_WEIGHTED_SECONDS, 1.5);
  }

  @Test
  void neverReportsCountersOshiDoesNotHave() {
    DiskStats stats = OshiDisks.stats(disk("ada0", "m", "s"), OshiPlatform.of(PlatformEnum.OPENBSD));
    assertThat(stats.values())
        .doesNotContainKeys(Counter.READS_MERGED, Counter.READ_TIME_SECONDS, Counter.WRITES_MERGED,
            Counter.WRITE_TIME_SECONDS, Counter.DISCARDS_COMPLETED, Counter.FLUSH_REQUESTS);
  }

  @Test
  void infoGivesModelAndSerialOfTheLatestReadWithUnknownAsEmpty() {
    List<HWDiskStore> disks = List.of(disk("/dev/sda", "Samsung SSD 870", "S6PN"), disk("/dev/vda", "unknown", ""));
    OshiDisks source =
        new OshiDisks(new DeviceList<>(() -> disks, HWDiskStore::updateAttributes, () -> 0, 60),
            OshiPlatform.of(PlatformEnum.LINUX));
    List<DiskStats> stats = source.diskstats();
    assertThat(source.info(stats.get(0)))
        .isEqualTo(new DiskInfo("sda", -1, -1, "Samsung SSD 870", "", "", "S6PN", ""));
    assertThat(source.info(stats.get(1))).isEqualTo(new DiskInfo("vda", -1, -1, "", "", "", "", ""));
    DiskStats unseen = new DiskStats("sdz", -1, -1, Map.of());
    assertThat(source.info(unseen)).isEqualTo(new DiskInfo("sdz", -1, -1, "", "", "", "", ""));
  }
}
