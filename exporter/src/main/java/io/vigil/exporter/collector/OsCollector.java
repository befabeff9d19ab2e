package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.OsRelease;
import io.vigil.exporter.source.SourceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * node_exporter's {@code os} collector: {@link OsRelease} fields as labels of {@code node_os_info}, and the
 * major.minor of {@code VERSION_ID} as the value of {@code node_os_version} (left out when VERSION_ID has no leading
 * number, as on rolling releases).
 *
 * <pre>
 * node_os_info{build_id="",id="debian",id_like="",...,version_codename="bookworm",version_id="12"} 1
 * node_os_version{id="debian",id_like="",name="Debian GNU/Linux"} 12
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class OsCollector implements Collector {

  public static final String NAME = "os";

  /** node_os_info's labels and the os-release(5) key of each, in node_exporter's order. */
  private static final String[][] INFO_LABELS = {
    {"build_id", "BUILD_ID"},
    {"id", "ID"},
    {"id_like", "ID_LIKE"},
    {"image_id", "IMAGE_ID"},
    {"image_version", "IMAGE_VERSION"},
    {"name", "NAME"},
    {"pretty_name", "PRETTY_NAME"},
    {"variant", "VARIANT"},
    {"variant_id", "VARIANT_ID"},
    {"version", "VERSION"},
    {"version_codename", "VERSION_CODENAME"},
    {"version_id", "VERSION_ID"},
  };

  private final SourceReader<OsRelease> source;

  public OsCollector(SourceReader<OsRelease> source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    OsRelease os = source.read();
    String[] labels = new String[INFO_LABELS.length * 2];
    for (int i = 0; i < INFO_LABELS.length; i++) {
      labels[2 * i] = INFO_LABELS[i][0];
      labels[2 * i + 1] = os.get(INFO_LABELS[i][1]);
    }
    List<MetricSnapshot> families = new ArrayList<>();
    families.add(
        GaugeSnapshot.builder()
            .name("node_os_info")
            .help("A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, "
                + "name, pretty_name, variant, variant_id, version, version_codename, version_id.")
            .dataPoint(Families.gaugePoint(1, labels))
            .build());
    OptionalDouble version = majorMinor(os.get("VERSION_ID"));
    if (version.isPresent() && version.getAsDouble() > 0) {
      families.add(
          GaugeSnapshot.builder()
              .name("node_os_version")
              .help("Metric containing the major.minor part of the OS version.")
              .dataPoint(
                  Families.gaugePoint(
                      version.getAsDouble(), "id", os.get("ID"), "id_like", os.get("ID_LIKE"), "name",
                      os.get("NAME")))
              .build());
    }
    return families;
  }

  /**
   * The leading {@code digits[.digits]} of a version ({@code "22.04"} is 22.04, {@code "9.2.1"} is 9.2,
   * {@code "12"} is 12); empty when it does not start with a digit.
   */
  static OptionalDouble majorMinor(String versionId) {
    int i = 0;
    while (i < versionId.length() && Character.isDigit(versionId.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return OptionalDouble.empty();
    }
    if (i < versionId.length() && versionId.charAt(i) == '.') {
      i++;
      while (i < versionId.length() && Character.isDigit(versionId.charAt(i))) {
        i++;
      }
    }
    String number = versionId.substring(0, i);
    return OptionalDouble.of(Double.parseDouble(number.endsWith(".") ? number + "0" : number));
  }
}
