package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptsCollectorTest {

  @Test
  void exposesEveryInterruptPerCpuColumn() throws Exception {
    assertThat(MetricsText.of(new InterruptsCollector(Fixtures.procFs()).collect()))
        .isEqualTo(Files.readString(Fixtures.caseDir(InterruptsCollectorTest.class, "canonical.prom")));
  }

  @Test
  void labelsArm64InterProcessorInterruptsByName(@TempDir Path proc) throws Exception {
    Files.copy(Fixtures.root().resolve("InterruptsTest/arm64-graviton2/interrupts"), proc.resolve("interrupts"));

    assertThat(MetricsText.of(new InterruptsCollector(new ProcFs(proc)).collect()))
        .contains(
            "node_interrupts_total{cpu=\"0\",devices=\"\",info=\"Rescheduling interrupts\",type=\"IPI0\"}"
                + " 3.221225473E9",
            "node_interrupts_total{cpu=\"3\",devices=\"27 Level arch_timer\",info=\"GICv3\",type=\"10\"} 795002.0")
        .doesNotContain("type=\"Err\"");
  }

  @Test
  void exposesNothingForAHeaderOnlyFile(@TempDir Path proc) throws Exception {
    Files.writeString(proc.resolve("interrupts"), "           CPU0       CPU1       \n");

    assertThat(new InterruptsCollector(new ProcFs(proc)).collect()).isEmpty();
  }

  @Test
  void failsOnACountThatIsNotANumber(@TempDir Path proc) throws Exception {
    Files.writeString(proc.resolve("interrupts"),
        Files.readString(Fixtures.procFs().path("interrupts")).replace("LOC:     686976", "LOC:     68697x"));

    assertThatThrownBy(() -> new InterruptsCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("interrupts:24: not a count: 68697x");
  }
}
