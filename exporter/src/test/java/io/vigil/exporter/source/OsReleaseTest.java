package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OsReleaseTest {

  private static final Path FILE = Path.of("/etc/os-release");

  @Test
  void parsesTheCanonicalFixture() throws Exception {
    Path file = Fixtures.root().resolve("etc/os-release");
    OsRelease os = OsRelease.parse(file, Files.readString(file));

    assertThat(os.get("PRETTY_NAME")).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(os.get("VERSION_ID")).isEqualTo("12");
    assertThat(os.get("VERSION_CODENAME")).isEqualTo("bookworm");
    assertThat(os.get("ID")).isEqualTo("debian");
    assertThat(os.get("ID_LIKE")).isEmpty();
    assertThat(os.fields()).hasSize(9);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "ID=ubuntu                          | ubuntu",
        "ID=\"ubuntu\"                      | ubuntu",
        "ID='ubuntu'                        | ubuntu",
        "ID=\"say \\\"hi\\\" \\\\ \\$x\"    | say \"hi\" \\ $x",
        "ID='no \\escapes'                  | no \\escapes",
        "ID=\"a\"'b'c                       | abc",
        "ID=plain # trailing comment        | plain",
        "ID=\"# not a comment\"             | # not a comment",
        "ID=                                | ~~",
        "  ID=spaced                        | spaced",
      })
  void unquotesValuesAsTheShellDoes(String line, String expected) throws Exception {
    assertThat(OsRelease.parse(FILE, line.strip() + "\n").get("ID")).isEqualTo(expected);
  }

  @Test
  void skipsCommentsAndBlankLinesAndLetsTheLastAssignmentWin() throws Exception {
    OsRelease os = OsRelease.parse(FILE, "# generated\n\nNAME=Alpine\nID=alpine\nNAME=\"Alpine Linux\"\n");
    assertThat(os.fields()).containsOnlyKeys("ID", "NAME");
    assertThat(os.get("NAME")).isEqualTo("Alpine Linux");
  }

  @Test
  void parsesAnEmptyFileAsNoFields() throws Exception {
    assertThat(OsRelease.parse(FILE, "").fields()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"just words\n", "=value\n", "1D=x\n", "ID=\"unterminated\n", "ID='open\n", "MY-KEY=x\n"})
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> OsRelease.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/etc/os-release:1: ");
  }
}
