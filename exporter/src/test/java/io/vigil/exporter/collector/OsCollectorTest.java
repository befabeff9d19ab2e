package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.OsRelease;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OsCollectorTest {

  private static final Path FILE = Path.of("/etc/os-release");

  @Test
  void exposesInfoAndVersionFromTheFixture() throws Exception {
    Path file = Fixtures.root().resolve("etc/os-release");
    OsCollector collector = new OsCollector(() -> OsRelease.parse(file, Files.readString(file)));
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_os_info A metric with a constant '1' value labeled by build_id, id, id_like, image_id, \
            image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.
            # TYPE node_os_info gauge
            node_os_info{build_id="",id="debian",id_like="",image_id="",image_version="",name="Debian GNU/Linux",\
            pretty_name="Debian GNU/Linux 12 (bookworm)",variant="",variant_id="",version="12 (bookworm)",\
            version_codename="bookworm",version_id="12"} 1.0
            # HELP node_os_version Metric containing the major.minor part of the OS version.
            # TYPE node_os_version gauge
            node_os_version{id="debian",id_like="",name="Debian GNU/Linux"} 12.0
            """);
  }

  @Test
  void fillsEveryLabelOfAnImageBasedOs() throws Exception {
    String text =
        """
        NAME="Fedora Linux"
        VERSION="40.20240520.0 (CoreOS)"
        ID=fedora
        ID_LIKE="rhel centos"
        VERSION_ID=40
        VERSION_CODENAME=""
        PRETTY_NAME="Fedora CoreOS 40.20240520.0"
        VARIANT="CoreOS"
        VARIANT_ID=coreos
        BUILD_ID=20240520
        IMAGE_ID=fcos
        IMAGE_VERSION=40.20240520.0
        """;
    OsCollector collector = new OsCollector(() -> OsRelease.parse(FILE, text));
    assertThat(MetricsText.of(collector.collect()))
        .contains(
            "node_os_info{build_id=\"20240520\",id=\"fedora\",id_like=\"rhel centos\",image_id=\"fcos\","
                + "image_version=\"40.20240520.0\",name=\"Fedora Linux\",pretty_name=\"Fedora CoreOS 40.20240520.0\","
                + "variant=\"CoreOS\",variant_id=\"coreos\",version=\"40.20240520.0 (CoreOS)\",version_codename=\"\","
                + "version_id=\"40\"} 1.0\n")
        .contains("node_os_version{id=\"fedora\",id_like=\"rhel centos\",name=\"Fedora Linux\"} 40.0\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NAME=Arch\nID=arch\nBUILD_ID=rolling\n", "ID=debian\nVERSION_ID=trixie\n", "ID=x\nVERSION_ID=0\n"})
  void leavesOutTheVersionWithoutANumericVersionId(String text) throws Exception {
    OsCollector collector = new OsCollector(() -> OsRelease.parse(FILE, text));
    assertThat(MetricsText.of(collector.collect())).contains("node_os_info{").doesNotContain("node_os_version");
  }

  @ParameterizedTest
  @CsvSource({"22.04, 22.04", "12, 12", "9.2.1, 9.2", "3.19.1, 3.19", "7., 7", "15.5-beta, 15.5"})
  void takesMajorMinorOfVersionId(String versionId, double expected) {
    assertThat(OsCollector.majorMinor(versionId)).hasValue(expected);
  }

  @Test
  void hasNoVersionForANonNumericVersionId() {
    assertThat(OsCollector.majorMinor("rolling")).isEqualTo(OptionalDouble.empty());
    assertThat(OsCollector.majorMinor("")).isEqualTo(OptionalDouble.empty());
  }
}
