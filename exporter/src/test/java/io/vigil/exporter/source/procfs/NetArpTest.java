package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetArpTest {

  private static final Path FILE = Path.of("/proc/net/arp");
  private static final String HEADER =
      "IP address       HW type     Flags       HW address            Mask     Device\n";

  @Test
  void parsesEveryEntryOfTheCanonicalFixtureIncludingTheIncompleteOne() throws Exception {
    NetArp arp = NetArp.read(Fixtures.procFs());

    assertThat(arp.entries()).hasSize(4);
    assertThat(arp.entries().get(3))
        .isEqualTo(new NetArp.Entry("10.20.0.99", "0x1", "0x0", "00:00:00:00:00:00", "eth0"));
    assertThat(arp.entriesByDevice()).containsExactly(Map.entry("docker0", 1L), Map.entry("eth0", 3L));
  }

  @Test
  void readsAHeaderOnlyOrEmptyFileAsNoEntries() throws Exception {
    assertThat(NetArp.parse(FILE, HEADER).entries()).isEmpty();
    assertThat(NetArp.parse(FILE, "").entries()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "10.0.0.1 0x1 0x2 00:11:22:33:44:55 eth0", // five fields: mask missing
      "10.0.0.1         0x1         0x2", // cut short
      "10.0.0.1 0x1 0x2 00:11:22:33:44:55 * eth0 extra"})
  void rejectsAnEntryWithoutSixFieldsNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NetArp.parse(FILE, HEADER + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/arp:2: expected six fields");
  }

  @Test
  void parsesThisHostsArpTable() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    NetArp arp = NetArp.read(new ProcFs(Path.of("/proc")));
    assertThat(arp.entries()).allSatisfy(e -> assertThat(e.device()).isNotBlank());
    assertThat(arp.entriesByDevice().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(arp.entries().size());
  }
}
