package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetStatFileTest {

  private static final Path FILE = Path.of("/proc/net/stat/arp_cache");

  @Test
  void parsesTheConntrackTableOfTheCanonicalFixtureByColumnName() throws Exception {
    NetStatFile ct = NetStatFile.read(Fixtures.procFs(), "nf_conntrack");

    assertThat(ct.columns()).hasSize(17).startsWith("entries", "clashres", "found").endsWith("search_restart");
    assertThat(ct.rows()).hasSize(4);
    assertThat(ct.sum("found")).hasValue(412 + 398 + 455 + 377);
    assertThat(ct.sum("search_restart")).hasValue(97 + 101 + 88 + 93);
    assertThat(ct.sum("no_such_column")).isEmpty();
  }

  @Test
  void readsEveryTableOfTheDirectorySortedByName() throws Exception {
    assertThat(NetStatFile.readAll(Fixtures.procFs())).extracting(NetStatFile::name)
        .containsExactly("arp_cache", "ndisc_cache", "nf_conntrack", "rt_cache");
  }

  @Test
  void acceptsTabSeparatedTablesAsSynproxyPrintsThem() throws Exception {
    NetStatFile synproxy = NetStatFile.parse(FILE, "synproxy",
        "entries\t\tsyn_received\tcookie_invalid\n00000000\t0000001a\t00000002\n00000000\t00000003\t00000000\n");

    assertThat(synproxy.columns()).containsExactly("entries", "syn_received", "cookie_invalid");
    assertThat(synproxy.rows()).containsExactly(List.of(0L, 26L, 2L), List.of(0L, 3L, 0L));
  }

  @Test
  void readsAHeaderWithoutRowsAsNoCpus() throws Exception {
    assertThat(NetStatFile.parse(FILE, "arp_cache", "entries  allocs\n").rows()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "entries  allocs destroys\n00000001 00000002\n", // row cut short
      "entries  allocs\n00000001 00000002 00000003\n", // row longer than the header
      "entries  allocs\n00000001 0000000g\n", // not hex
      "", // empty
      "\n00000001\n"}) // no header
  void rejectsTruncatedAndMalformedTables(String content) {
    assertThatThrownBy(() -> NetStatFile.parse(FILE, "arp_cache", content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/stat/arp_cache:");
  }

  @Test
  void parsesThisHostsTables() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/proc/net/stat"))).as("a Linux /proc").isTrue();
    List<NetStatFile> tables = NetStatFile.readAll(new ProcFs(Path.of("/proc")));
    assertThat(tables).isNotEmpty().allSatisfy(t -> {
      assertThat(t.columns()).contains("entries");
      assertThat(t.rows()).isNotEmpty().allSatisfy(r -> assertThat(r).hasSameSizeAs(t.columns()));
    });
  }
}
