package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.Meminfo.Field;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeminfoTest {

  private static final Path FILE = Path.of("/proc/meminfo");

  @Test
  void parsesTheCanonicalFixtureConvertingKilobytesToBytes() throws Exception {
    Meminfo meminfo = Meminfo.parse(FILE, Fixtures.procFs().read("meminfo"));

    assertThat(meminfo.fields()).hasSize(55);
    assertThat(meminfo.fields().get(0)).isEqualTo(new Field("MemTotal", 8148320 * 1024.0, true));
    assertThat(meminfo.bytes("MemAvailable")).hasValue(5867244 * 1024.0);
    assertThat(meminfo.bytes("Zswapped")).hasValue(8192 * 1024.0);
    assertThat(meminfo.bytes("SecPageTables")).hasValue(0);
    assertThat(meminfo.bytes("VmallocTotal")).hasValue(34359738367L * 1024.0);
  }

  @Test
  void keepsHugePageCountsAsPlainNumbers() throws Exception {
    Meminfo meminfo = Meminfo.parse(FILE, Fixtures.procFs().read("meminfo"));
    assertThat(meminfo.field("HugePages_Total")).contains(new Field("HugePages_Total", 16, false));
    assertThat(meminfo.bytes("HugePages_Total")).isEmpty();
    assertThat(meminfo.bytes("Hugepagesize")).hasValue(2048 * 1024.0);
  }

  @Test
  void spellsParenthesisedKeysAsNodeExporterDoes() throws Exception {
    Meminfo meminfo = Meminfo.parse(FILE, Fixtures.procFs().read("meminfo"));
    assertThat(meminfo.fields())
        .extracting(Field::name)
        .contains("Active_anon", "Inactive_anon", "Active_file", "Inactive_file")
        .noneMatch(name -> name.contains("(") || name.contains(")"));
  }

  @ParameterizedTest
  @CsvSource({"Active(anon), Active_anon", "Inactive(file), Inactive_file", "MemTotal, MemTotal"})
  void convertsKeyNames(String key, String expected) {
    assertThat(Meminfo.metricName(key)).isEqualTo(expected);
  }

  @Test
  void leavesMemAvailableAbsentOnA32Kernel() throws Exception {
    Path file = Fixtures.caseDir(MeminfoTest.class, "kernel-3.2").resolve("meminfo");
    Meminfo meminfo = Meminfo.parse(file, Files.readString(file));
    assertThat(meminfo.field("MemAvailable")).isEmpty();
    assertThat(meminfo.bytes("MemFree")).hasValue(1198484 * 1024.0);
    assertThat(meminfo.fields()).hasSize(42);
  }

  @Test
  void skipsBlankLinesSomeVendorKernelsPrint() throws Exception {
    Meminfo meminfo = Meminfo.parse(FILE, "MemTotal: 100 kB\n\nMemFree: 50 kB\n");
    assertThat(meminfo.fields()).extracting(Field::name).containsExactly("MemTotal", "MemFree");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\n\n",
        "MemTotal 100 kB\n",
        "MemTotal:\n",
        "MemTotal: lots kB\n",
        "MemTotal: 100 MB\n",
        "MemTotal: 100 kB extra\n",
        "MemTotal: 12.5 kB\n",
        ": 100 kB\n"
      })
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> Meminfo.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/meminfo:");
  }

  @Test
  void namesTheLineOfATruncatedLine() {
    assertThatThrownBy(() -> Meminfo.parse(FILE, "MemTotal:       8148320 kB\nMemFree:\n"))
        .hasMessage("/proc/meminfo:2: expected \"Name: value [kB]\": \"MemFree:\"");
  }

  @Test
  void parsesThisHostsMeminfo() throws Exception {
    Path real = Path.of("/proc/meminfo");
    assumeThat(Files.isReadable(real)).as("a Linux /proc").isTrue();
    Meminfo meminfo = Meminfo.parse(real, Files.readString(real));

    double total = meminfo.bytes("MemTotal").orElseThrow();
    assertThat(total).isPositive();
    assertThat(meminfo.bytes("MemFree").orElseThrow()).isBetween(0.0, total);
    meminfo.field("HugePages_Total").ifPresent(f -> assertThat(f.bytes()).isFalse());
    assertThat(meminfo.fields()).extracting(Field::name).doesNotHaveDuplicates();
  }
}
