package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpuinfoTest {

  private static final Path FILE = Path.of("/proc/cpuinfo");

  @Test
  void readsOneProcessorPerBlockFromTheCanonicalFixture() throws Exception {
    Cpuinfo info = Cpuinfo.read(Fixtures.procFs());
    assertThat(info.processors()).extracting(p -> p.get("processor")).containsExactly("0", "1", "2", "3");
    assertThat(info.processors()).extracting(p -> p.get("core id")).containsExactly("0", "1", "2", "3");
    Cpuinfo.Processor first = info.processors().get(0);
    assertThat(first.get("model name")).isEqualTo("Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz");
    assertThat(first.get("cache size")).isEqualTo("6144 KB");
    // A physical host: VT-x present, no hypervisor bit; "vmx flags" is one more key with a space in its name.
    assertThat(first.get("flags").split(" ")).contains("vmx").doesNotContain("hypervisor");
    assertThat(first.get("vmx flags")).startsWith("vnmi ");
    assertThat(first.get("power management")).isEmpty();
    assertThat(first.get("no such key")).isEmpty();
  }

  @Test
  void skipsTheTrailingHardwareBlockOfArm32() throws Exception {
    String text =
        """
        processor\t: 0
        model name\t: ARMv7 Processor rev 4 (v7l)
        BogoMIPS\t: 38.40

        processor\t: 1
        model name\t: ARMv7 Processor rev 4 (v7l)

        Hardware\t: BCM2835
        Revision\t: a02082
        """;
    Cpuinfo info = Cpuinfo.parse(FILE, text);
    assertThat(info.processors()).hasSize(2);
    assertThat(info.processors().get(1).get("vendor_id")).isEmpty();
  }

  @Test
  void parsesAnEmptyFileAsNoProcessors() throws Exception {
    assertThat(Cpuinfo.parse(FILE, "").processors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"processor\t: 0\nno colon here\n", "processor\t: zero\n"})
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> Cpuinfo.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/cpuinfo:");
  }

  @Test
  void parsesThisHostsCpuinfo() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    Cpuinfo info = Cpuinfo.read(new ProcFs(Path.of("/proc")));
    assertThat(info.processors()).isNotEmpty();
    assertThat(info.processors()).extracting(p -> p.get("processor")).doesNotHaveDuplicates();
  }
}
