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

class FileNrTest {

  private static final Path FILE = Path.of("/proc/sys/fs/file-nr");

  @Test
  void readsTheCanonicalFixtureWithSystemdsMaximum() throws Exception {
    assertThat(FileNr.read(Fixtures.procFs())).isEqualTo(new FileNr(2912, 0, Long.MAX_VALUE));
  }

  @Test
  void acceptsSpacesAsWellAsTabs() throws Exception {
    assertThat(FileNr.parse(FILE, "1024 0 65536")).isEqualTo(new FileNr(1024, 0, 65536));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "1024\t0", "1024\t0\t65536\t7", "a\tb\tc", "1024\t0\t65536\n1\t2\t3"})
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> FileNr.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/sys/fs/file-nr:1: ");
  }

  @Test
  void parsesThisHostsFileNr() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    FileNr fileNr = FileNr.read(new ProcFs(Path.of("/proc")));
    assertThat(fileNr.allocated()).isPositive().isLessThanOrEqualTo(fileNr.maximum());
  }
}
