package io.vigil.exporter.source.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.OsRelease;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import oshi.software.os.OperatingSystem.OSVersionInfo;
import oshi.util.PlatformEnum;

class OshiIdentityTest {

  @Test
  void dottedHostnameSplitsIntoNodeAndDomainLikeNodeExporterOnBsd() {
    assertThat(OshiIdentity.splitHostname("db1.example.org")).containsExactly("db1", "example.org");
    assertThat(OshiIdentity.splitHostname("db1")).containsExactly("db1", "(none)");
  }

  @ParameterizedTest
  @CsvSource({
    "LINUX, amd64, x86_64",
    "WINDOWS, amd64, x86_64",
    "MACOS, x86_64, x86_64",
    "MACOS, aarch64, arm64",
    "FREEBSD, amd64, amd64",
    "FREEBSD, aarch64, arm64",
    "LINUX, aarch64, aarch64",
    "LINUX, x86, i686",
    "LINUX, riscv64, riscv64"
  })
  void machineUsesUnameSpellingOfTheJvmArchitecture(PlatformEnum platform, String javaArch, String machine) {
    assertThat(OshiIdentity.machine(platform, javaArch)).isEqualTo(machine);
  }

  @Test
  void macOsReleaseHasVersionCodenameAndBuild() {
    OsRelease r = OshiIdentity.osRelease(PlatformEnum.MACOS, "macOS", new OSVersionInfo("14.1", "Sonoma", "23B74"));
    assertThat(r.fields())
        .containsExactly(
            Map.entry("NAME", "macOS"),
            Map.entry("VERSION", "14.1 (Sonoma)"),
            Map.entry("ID", "macos"),
            Map.entry("VERSION_ID", "14.1"),
            Map.entry("PRETTY_NAME", "macOS 14.1 (Sonoma)"),
            Map.entry("VERSION_CODENAME", "sonoma"),
            Map.entry("BUILD_ID", "23B74"));
  }

  @Test
  void windowsEditionIsTheVariantNotACodename() {
    OsRelease r = OshiIdentity.osRelease(PlatformEnum.WINDOWS, "Windows", new OSVersionInfo("11", "Pro", "22631"));
    assertThat(r.fields())
        .containsExactly(
            Map.entry("NAME", "Windows"),
            Map.entry("VERSION", "11"),
            Map.entry("ID", "windows"),
            Map.entry("VERSION_ID", "11"),
            Map.entry("PRETTY_NAME", "Windows 11"),
            Map.entry("VARIANT", "Pro"),
            Map.entry("BUILD_ID", "22631"));
  }

  @Test
  void freeBsdVersionIdIsTheNumericPartOfTheRelease() {
    OsRelease r = OshiIdentity.osRelease(PlatformEnum.FREEBSD, "FreeBSD", new OSVersionInfo("14.0-RELEASE-p3", null, null));
    assertThat(r.get("VERSION_ID")).isEqualTo("14.0");
    assertThat(r.get("VERSION")).isEqualTo("14.0-RELEASE-p3");
    assertThat(r.get("PRETTY_NAME")).isEqualTo("FreeBSD 14.0-RELEASE-p3");
    assertThat(r.fields()).doesNotContainKeys("VERSION_CODENAME", "BUILD_ID");
  }

  @Test
  void linuxKernelReleaseIsNotABuildId() {
    OsRelease r = OshiIdentity.osRelease(
        PlatformEnum.LINUX, "Debian GNU/Linux", new OSVersionInfo("12", "bookworm", "6.1.0-18-amd64"));
    assertThat(r.get("PRETTY_NAME")).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(r.get("ID")).isEqualTo("linux");
    assertThat(r.fields()).doesNotContainKey("BUILD_ID");
  }

  @ParameterizedTest
  @CsvSource({"14.1, 14.1", "22.04.3 LTS, 22.04.3", "Server 2022, Server 2022", "10., 10", "'', ''"})
  void versionIdKeepsTheLeadingDottedNumber(String version, String id) {
    assertThat(OshiIdentity.versionId(version)).isEqualTo(id);
  }

  @Test
  void fallbackUnameOnWindowsUsesTheJvmOsVersionAsRelease() {
    KernelSysctl.KernelNames names = OshiIdentity.fallbackKernelNames(
        PlatformEnum.WINDOWS, "Windows", new OSVersionInfo("11", "Pro", "22631"), "10.0", "amd64");
    assertThat(names).isEqualTo(new KernelSysctl.KernelNames("Windows", "10.0", "11 (Pro) build 22631", "x86_64"));
  }

  @Test
  void fallbackUnameOnLinuxUsesOshisKernelRelease() {
    KernelSysctl.KernelNames names = OshiIdentity.fallbackKernelNames(
        PlatformEnum.LINUX, "Debian GNU/Linux", new OSVersionInfo("12", "bookworm", "6.1.0-18-amd64"), "6.1.0-18-amd64",
        "amd64");
    assertThat(names.sysname()).isEqualTo("Linux");
    assertThat(names.release()).isEqualTo("6.1.0-18-amd64");
  }
}
