package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.DiskStats.Counter;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiskStatsTest {

  private static final Path FILE = Path.of("/proc/diskstats");

  private final List<MalformedFileException> skipped = new ArrayList<>();

  private List<DiskStats> parse(String text) throws MalformedFileException {
    return DiskStats.parse(FILE, text, skipped::add);
  }

  private List<DiskStats> parseCase(String name) throws Exception {
    return parse(Files.readString(Fixtures.caseDir(DiskStatsTest.class, name).resolve("diskstats")));
  }

  private static DiskStats device(List<DiskStats> disks, String name) {
    return disks.stream().filter(d -> d.device().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
    "kernel-4.15-14-fields, 11, 11",
    "kernel-4.19-18-fields, 4, 15",
    "kernel-6.5-20-fields, 14, 17",
  })
  void readsEveryDeviceWithTheCountersItsKernelHas(String kase, int devices, int counters) throws Exception {
    List<DiskStats> disks = parseCase(kase);

    assertThat(disks).hasSize(devices);
    assertThat(skipped).isEmpty();
    assertThat(disks).allSatisfy(d -> assertThat(d.values().keySet())
        .containsExactlyElementsOf(Arrays.asList(Counter.values()).subList(0, counters)));
  }

  @Test
  void convertsSectorsToBytesAndMillisecondsToSeconds() throws Exception {
    DiskStats sda = device(parseCase("kernel-4.15-14-fields"), "sda");

    assertThat(sda.major()).isEqualTo(8);
    assertThat(sda.minor()).isEqualTo(0);
    assertThat(sda.values()).containsExactly(
        Map.entry(Counter.READS_COMPLETED, 1845523.0),
        Map.entry(Counter.READS_MERGED, 412398.0),
        Map.entry(Counter.READ_BYTES, 98234512.0 * 512),
        Map.entry(Counter.READ_TIME_SECONDS, 2341876 * 0.001),
        Map.entry(Counter.WRITES_COMPLETED, 7823412.0),
        Map.entry(Counter.WRITES_MERGED, 9123847.0),
        Map.entry(Counter.WRITTEN_BYTES, 512349876.0 * 512),
        Map.entry(Counter.WRITE_TIME_SECONDS, 48234123 * 0.001),
        Map.entry(Counter.IO_NOW, 0.0),
        Map.entry(Counter.IO_TIME_SECONDS, 9823412 * 0.001),
        Map.entry(Counter.IO_TIME_WEIGHTED_SECONDS, 50591234 * 0.001));
    assertThat(sda.value(Counter.DISCARDS_COMPLETED)).isEmpty();
  }

  @Test
  void keepsDiscardedSectorsInSectorsAndReadsFlushesFromFiveFiveKernels() throws Exception {
    List<DiskStats> disks = parseCase("kernel-6.5-20-fields");
    DiskStats nvme = device(disks, "nvme0n1");

    assertThat(nvme.value(Counter.DISCARDED_SECTORS)).hasValue(2234123456.0);
    assertThat(nvme.value(Counter.DISCARD_TIME_SECONDS)).hasValue(12345 * 0.001);
    assertThat(nvme.value(Counter.FLUSH_REQUESTS)).hasValue(1234567.0);
    assertThat(nvme.value(Counter.FLUSH_REQUESTS_TIME_SECONDS)).hasValue(253576 * 0.001);
    assertThat(device(disks, "md127").minor()).isEqualTo(127);
    assertThat(disks).extracting(DiskStats::device).containsExactly(
        "loop0", "loop1", "loop2", "loop3", "nvme0n1", "nvme0n1p1", "nvme0n1p2", "nvme1n1", "nvme1n1p1", "md127",
        "dm-0", "sda", "sda1", "zram0");
  }

  @Test
  void discardsWithoutFlushesOnFourNineteenKernels() throws Exception {
    DiskStats vdb = device(parseCase("kernel-4.19-18-fields"), "vdb");

    assertThat(vdb.value(Counter.IO_NOW)).hasValue(1.0);
    assertThat(vdb.value(Counter.DISCARDS_COMPLETED)).hasValue(2345.0);
    assertThat(vdb.value(Counter.FLUSH_REQUESTS)).isEmpty();
  }

  @Test
  void skipsMalformedDeviceLinesAndKeepsTheOthers() throws Exception {
    List<DiskStats> disks = parseCase("malformed-line");

    assertThat(disks).extracting(DiskStats::device).containsExactly("nvme0n1", "dm-0");
    assertThat(skipped).extracting(MalformedFileException::lineNumber).containsExactly(2, 3);
    assertThat(skipped.get(0)).hasMessageContaining("at least 11 counters").hasMessageContaining("nvme0n1p1");
    assertThat(skipped.get(1)).hasMessageContaining("field 10 is not a counter").hasMessageContaining("sda");
  }

  @Test
  void ignoresCountersANewerKernelAppends() throws Exception {
    List<DiskStats> disks = parse("   8       0 sda " + "1 ".repeat(17) + "99 98\n");

    assertThat(disks.get(0).values()).hasSize(17);
  }

  @Test
  void readsUnsignedSixtyFourBitCounters() throws Exception {
    DiskStats d = parse("   8 0 sda 18446744073709551615" + " 0".repeat(10)).get(0);

    assertThat(d.value(Counter.READS_COMPLETED)).hasValue(18446744073709551615.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "\n \n"})
  void anEmptyFileHasNoDevices(String text) throws Exception {
    assertThat(parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "   8       1 sda1 151 3020 151 3020", // a 2.6-era partition line: 4 counters
        "   8       0 sda",
        "   x       0 sda 1 2 3 4 5 6 7 8 9 10 11",
        "   8       0 sda 1 2 3 4 5 6 7 8 9 10 -11",
        "   8       0 sda 1 2 3 4 5 6 7 8 9 10 1.5",
      })
  void aFileWithNoUsableLineIsMalformed(String text) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/diskstats:1: ");
  }

  @Test
  void parsesThisHostsDiskstats() throws Exception {
    List<DiskStats> disks = DiskStats.parse(FILE, ProcFs.readText(FILE), skipped::add);

    assertThat(skipped).isEmpty();
    assertThat(disks).isNotEmpty().allSatisfy(d -> {
      assertThat(d.device()).isNotBlank();
      assertThat(d.major()).isNotNegative();
      assertThat(d.values()).hasSizeGreaterThanOrEqualTo(11);
      assertThat(d.values().values()).allSatisfy(v -> assertThat(v).isNotNegative());
    });
    Set<Set<Counter>> shapes = disks.stream().map(d -> Set.copyOf(d.values().keySet())).collect(Collectors.toSet());
    assertThat(shapes).as("one kernel writes one line shape").hasSize(1);
    assertThat(EnumSet.copyOf(shapes.iterator().next())).contains(Counter.IO_TIME_WEIGHTED_SECONDS);
  }
}
