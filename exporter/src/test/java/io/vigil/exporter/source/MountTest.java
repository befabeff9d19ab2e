package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.source.procfs.ProcFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MountTest {

  private static final Path FILE = Path.of("/proc/1/mounts");

  private final List<MalformedFileException> skipped = new ArrayList<>();

  private List<Mount> parse(String text) throws MalformedFileException {
    return Mount.parse(FILE, text, skipped::add);
  }

  @Test
  void parsesTheCanonicalHostsMountTable() throws Exception {
    List<Mount> mounts = parse(Fixtures.procFs().read("1", "mounts"));

    assertThat(mounts).hasSize(30);
    assertThat(skipped).isEmpty();
    assertThat(mounts.get(0)).isEqualTo(
        new Mount("sysfs", "/sys", "sysfs", List.of("rw", "nosuid", "nodev", "noexec", "relatime")));
    assertThat(mounts)
        .filteredOn(m -> m.mountPoint().equals("/"))
        .containsExactly(new Mount("/dev/nvme0n1p2", "/", "ext4", List.of("rw", "relatime", "errors=remount-ro")));
    assertThat(mounts)
        .filteredOn(m -> m.fsType().equals("nfs4"))
        .extracting(Mount::device, Mount::mountPoint)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("nas.example.net:/export/backup", "/srv/backup"));
  }

  @Test
  void decodesOctalEscapesInDevicesAndMountPoints() throws Exception {
    List<Mount> mounts = parse(Files.readString(Fixtures.caseDir(MountTest.class, "workstation").resolve("mounts")));

    assertThat(mounts).hasSize(43);
    assertThat(mounts).extracting(Mount::mountPoint)
        .contains("/home/alice/Music Library", "/srv/team share", "/srv/tab\tand\\backslash")
        .noneMatch(mp -> mp.contains("\\0"));
    assertThat(mounts).extracting(Mount::device).contains("//fileserver/Team Share");
  }

  @Test
  void readOnlyComesFromTheRoOptionAlone() throws Exception {
    List<Mount> mounts = parse(Files.readString(Fixtures.caseDir(MountTest.class, "workstation").resolve("mounts")));

    assertThat(mounts).filteredOn(Mount::readOnly).extracting(Mount::mountPoint)
        .containsExactly("/snap/core20/2105", "/snap/firefox/3836", "/snap/snapd/20671", "/srv/media");
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("/plain", "/plain"),
        Arguments.of("/a\\040b", "/a b"),
        Arguments.of("/tab\\011x", "/tab\tx"),
        Arguments.of("/new\\012line", "/new\nline"),
        Arguments.of("/back\\134slash", "/back\\slash"),
        Arguments.of("\\040lead", " lead"),
        Arguments.of("/end\\040", "/end "),
        Arguments.of("/short\\04", "/short\\04"),
        Arguments.of("/notoctal\\089", "/notoctal\\089"),
        Arguments.of("/trailing\\", "/trailing\\"));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void decodesOnlyCompleteThreeDigitOctalEscapes(String raw, String decoded) {
    assertThat(Mount.unescapeOctal(raw)).isEqualTo(decoded);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "\n\n  \n"})
  void anEmptyTableHasNoMounts(String text) throws Exception {
    assertThat(parse(text)).isEmpty();
    assertThat(skipped).isEmpty();
  }

  @Test
  void skipsAShortLineAndReportsItWithItsLineNumber() throws Exception {
    List<Mount> mounts = parse("""
        /dev/sda1 / ext4 rw,relatime 0 0
        tmpfs /tmp
        /dev/sda2 /home ext4 rw 0 0
        """);

    assertThat(mounts).extracting(Mount::mountPoint).containsExactly("/", "/home");
    assertThat(skipped).singleElement().satisfies(e -> {
      assertThat(e.lineNumber()).isEqualTo(2);
      assertThat(e.line()).isEqualTo("tmpfs /tmp");
      assertThat(e).hasMessageStartingWith("/proc/1/mounts:2: ");
    });
  }

  @Test
  void acceptsLinesWithoutDumpAndPassFields() throws Exception {
    assertThat(parse("/dev/sda1 / ext4 ro\n"))
        .containsExactly(new Mount("/dev/sda1", "/", "ext4", List.of("ro")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a b c\n", "tmpfs /tmp tmpfs\nproc /proc\n"})
  void aTableWithNoUsableLineIsMalformed(String text) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/1/mounts:1: ");
  }

  @Test
  void parsesThisHostsMountTable() throws Exception {
    Path file = Path.of("/proc/1/mounts");
    if (!Files.isReadable(file)) {
      file = Path.of("/proc/self/mounts");
    }
    List<Mount> mounts = Mount.parse(file, ProcFs.readText(file), skipped::add);

    assertThat(skipped).isEmpty();
    assertThat(mounts).isNotEmpty().extracting(Mount::mountPoint).contains("/");
    assertThat(mounts).allSatisfy(m -> {
      assertThat(m.device()).isNotEmpty();
      assertThat(m.mountPoint()).startsWith("/").doesNotContain("\\040");
      assertThat(m.fsType()).isNotEmpty();
      assertThat(m.options()).isNotEmpty();
    });
  }
}
