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

class InterruptsTest {

  private static final Path FILE = Path.of("/proc/interrupts");

  @Test
  void splitsNumberedAndNamedInterruptsOfTheCanonicalX86Desktop() throws Exception {
    Interrupts irqs = Interrupts.read(Fixtures.procFs());

    assertThat(irqs.cpuCount()).isEqualTo(4);
    assertThat(irqs.interrupts()).hasSize(21 + 17).doesNotContainKeys("ERR", "MIS");
    assertThat(irqs.interrupts().get("128")).isEqualTo(
        new Interrupts.Interrupt("IR-PCI-MSIX-0000:03:00.0", "1-edge nvme0q1", List.of(512447L, 0L, 0L, 0L)));
    assertThat(irqs.interrupts().get("125").devices()).isEqualTo("0-edge ahci[0000:00:17.0]");
    assertThat(irqs.interrupts().get("122").devices()).isEqualTo("0-edge PCIe PME, aerdrv");
    assertThat(irqs.interrupts().get("9"))
        .isEqualTo(new Interrupts.Interrupt("IR-IO-APIC", "9-fasteoi acpi", List.of(0L, 3L, 0L, 0L)));
    assertThat(irqs.interrupts().get("LOC").info()).isEqualTo("Local timer interrupts");
    assertThat(irqs.interrupts().get("LOC").devices()).isEmpty();
  }

  @Test
  void agreesWithTheIntrTotalsOfProcStat() throws Exception {
    Interrupts irqs = Interrupts.read(Fixtures.procFs());
    long sum = irqs.interrupts().values().stream().flatMap(i -> i.counts().stream()).mapToLong(Long::longValue).sum();

    assertThat(sum).isEqualTo(7486995); // the canonical /proc/stat "intr" total (ERR and MIS are 0)
  }

  @Test
  void parsesArm64NamesWhoseCountFollowsTheColonWithoutASpace() throws Exception {
    Path file = Fixtures.caseDir(InterruptsTest.class, "arm64-graviton2").resolve("interrupts");
    Interrupts irqs = Interrupts.parse(file, Files.readString(file));

    assertThat(irqs.interrupts().get("IPI0"))
        .isEqualTo(new Interrupts.Interrupt("Rescheduling interrupts", "",
            List.of(3221225473L, 412233881L, 398771200L, 401992310L)));
    assertThat(irqs.interrupts().get("10"))
        .isEqualTo(new Interrupts.Interrupt("GICv3", "27 Level arch_timer", List.of(803311L, 788120L, 801245L,
            795002L)));
    assertThat(irqs.interrupts()).doesNotContainKey("Err").hasSize(17);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "  0:         16          x          0          0   IO-APIC   2-edge      timer", // not a count
      "garbage without a colon"})
  void rejectsMalformedLinesNamingFileAndLine(String line) {
    String header = "           CPU0       CPU1       CPU2       CPU3       \n";
    assertThatThrownBy(() -> Interrupts.parse(FILE, header + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/interrupts:2: ");
  }

  @Test
  void rejectsAFileWithoutItsCpuHeader() {
    assertThatThrownBy(() -> Interrupts.parse(FILE, "")).isInstanceOf(MalformedFileException.class);
    assertThatThrownBy(() -> Interrupts.parse(FILE, "\n  0: 1 timer\n")).isInstanceOf(MalformedFileException.class);
  }

  @Test
  void skipsALineCutShortBeforeItsDescriptionAsItSkipsErr() throws Exception {
    Interrupts irqs = Interrupts.parse(FILE, "    CPU0  CPU1\nNMI:  0  0  Non-maskable interrupts\nLOC:  5\n");

    assertThat(irqs.interrupts()).containsOnlyKeys("NMI");
  }

  @Test
  void parsesThisHostsInterrupts() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    Interrupts irqs = Interrupts.read(new ProcFs(Path.of("/proc")));
    assertThat(irqs.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(irqs.interrupts()).isNotEmpty()
        .allSatisfy((name, irq) -> assertThat(irq.counts()).hasSize(irqs.cpuCount()));
  }
}
