package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.DmiId;
import java.io.IOException;
import java.util.List;

/**
 * node_exporter's {@code dmi} collector (Linux): firmware identity from {@code /sys/class/dmi/id} as one info
 * gauge. The files are read once at start-up (they cannot change before a reboot), as node_exporter does.
 *
 * <pre>
 * # HELP node_dmi_info A metric with a constant '1' value labeled by bios_date, ... if provided by DMI.
 * node_dmi_info{bios_vendor="Dell Inc.",product_name="OptiPlex 7050",system_vendor="Dell Inc.",...} 1
 * </pre>
 *
 * <p>Only labels whose files exist and are readable are present. With none (no DMI tables, as on most ARM boards)
 * every scrape fails with "no data", which node_exporter also reports as {@code node_scrape_collector_success 0}.
 *
 * <p>Thread safety: immutable.
 */
public final class DmiCollector implements Collector {

  public static final String NAME = "dmi";

  static final String HELP =
      "A metric with a constant '1' value labeled by bios_date, bios_release, bios_vendor, bios_version, "
          + "board_asset_tag, board_name, board_serial, board_vendor, board_version, chassis_asset_tag, "
          + "chassis_serial, chassis_vendor, chassis_version, product_family, product_name, product_serial, "
          + "product_sku, product_uuid, product_version, system_vendor if provided by DMI.";

  private final DmiId dmi;
  private final String where;
  private final GaugeSnapshot info;

  /**
   * Builds the family once from identity read at start-up.
   *
   * @param where the directory it was read from, for the "no data" message
   */
  public DmiCollector(DmiId dmi, String where) {
    this.dmi = dmi;
    this.where = where;
    Labels.Builder labels = Labels.builder();
    dmi.labels().forEach(labels::label);
    this.info =
        GaugeSnapshot.builder()
            .name("node_dmi_info")
            .help(HELP)
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels.build()).value(1).build())
            .build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws IOException {
    if (dmi.isEmpty()) {
      throw new NoDataException("no readable DMI identity files in " + where);
    }
    return List.of(info);
  }
}
