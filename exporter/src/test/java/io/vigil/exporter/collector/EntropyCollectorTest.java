package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntropyCollectorTest {

  @Test
  void exposesTheFixedPoolOfLinux518AndLater() throws Exception {
    assertThat(MetricsText.of(new EntropyCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_entropy_available_bits Bits of available entropy.
            # TYPE node_entropy_available_bits gauge
            node_entropy_available_bits 256.0
            # HELP node_entropy_pool_size_bits Bits of entropy pool.
            # TYPE node_entropy_pool_size_bits gauge
            node_entropy_pool_size_bits 256.0
            """);
  }

  @Test
  void exposesAPartlyFilledPoolOfOlderKernels(@TempDir Path proc) throws Exception {
    write(proc, "3126", "4096"); // a 4.19 kernel: 4096-bit pool

    assertThat(MetricsText.of(new EntropyCollector(new ProcFs(proc)).collect()))
        .contains("node_entropy_available_bits 3126.0", "node_entropy_pool_size_bits 4096.0");
  }

  @Test
  void failsWithoutThePoolSize(@TempDir Path proc) throws Exception {
    write(proc, "256", null);

    assertThatThrownBy(() -> new EntropyCollector(new ProcFs(proc)).collect())
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageEndingWith("poolsize");
  }

  @Test
  void failsOnAnEmptyValue(@TempDir Path proc) throws Exception {
    write(proc, "", "256");

    assertThatThrownBy(() -> new EntropyCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("entropy_avail:1: expected one non-negative integer");
  }

  private static void write(Path proc, String available, String poolSize) throws Exception {
    Path dir = Files.createDirectories(proc.resolve("sys/kernel/random"));
    Files.writeString(dir.resolve("entropy_avail"), available + "\n");
    if (poolSize != null) {
      Files.writeString(dir.resolve("poolsize"), poolSize + "\n");
    }
  }
}
