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

class FilefdCollectorTest {

  @Test
  void exposesAllocatedAndMaximumHandles() throws Exception {
    assertThat(MetricsText.of(new FilefdCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_filefd_allocated File descriptor statistics: allocated.
            # TYPE node_filefd_allocated gauge
            node_filefd_allocated 2912.0
            # HELP node_filefd_maximum File descriptor statistics: maximum.
            # TYPE node_filefd_maximum gauge
            node_filefd_maximum 9.223372036854776E18
            """);
  }

  @Test
  void failsOnATruncatedFile(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("sys/fs"));
    Files.writeString(root.resolve("sys/fs/file-nr"), "2912\t0");
    assertThatThrownBy(new FilefdCollector(new ProcFs(root))::collect).isInstanceOf(MalformedFileException.class);
  }
}
