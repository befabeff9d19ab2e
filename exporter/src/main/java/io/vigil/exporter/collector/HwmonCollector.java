package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.procfs.GoStrconv;
import io.vigil.exporter.source.procfs.HwmonAttributeName;
import io.vigil.exporter.source.procfs.HwmonChip;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * node_exporter's {@code hwmon} collector (Linux): every sensor attribute of every chip under
 * {@code /sys/class/hwmon}, named after its type and property with node_exporter 1.5's unit rules.
 *
 * <pre>
 * # HELP node_hwmon_chip_names Annotation metric for human-readable chip names
 * node_hwmon_chip_names{chip="platform_coretemp_0",chip_name="coretemp"} 1
 * # HELP node_hwmon_sensor_label Label for given chip and sensor
 * node_hwmon_sensor_label{chip="platform_coretemp_0",label="Package id 0",sensor="temp1"} 1
 * # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
 * node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 35
 * # HELP node_hwmon_temp_crit_alarm_celsius Hardware monitor for temperature (crit_alarm)
 * node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp1"} 0
 * </pre>
 *
 * <p>Units: {@code in}/{@code cpu} millivolts to volts, {@code temp} millidegrees to degrees Celsius, {@code curr}
 * milliamperes to amperes, {@code power} microwatts to watts, {@code energy} microjoules to joules (a counter),
 * {@code humidity} milli-percent to a ratio, intervals milliseconds to seconds; fans stay in RPM. Any other
 * property is exposed as it is, as {@code node_hwmon_<type>_<property>}. A value that is not a number is skipped.
 *
 * <p>As in node_exporter, a family keeps the HELP text of its first sample, and a later sample with a different
 * text (a bare {@code in0} next to {@code in1_input}) or with labels already seen (two chips with the same name) is
 * dropped. Iteration is sorted, so which sample wins is stable here, where node_exporter's map order is random.
 *
 * <p>Thread safety: immutable; reads go through the source on each call.
 */
public final class HwmonCollector implements Collector {

  public static final String NAME = "hwmon";

  private static final Logger LOG = Logger.getLogger("io.vigil.exporter.collector.hwmon");

  private final SourceReader<List<HwmonChip>> source;

  public HwmonCollector(SourceReader<List<HwmonChip>> source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    FamilySet out = new FamilySet();
    List<HwmonChip> chips;
    try {
      chips = source.read();
    } catch (java.nio.file.NoSuchFileException e) {
      // No /sys/class/hwmon at all (most VMs): node_exporter's "no data", not a fault worth a warning.
      throw new NoDataException(e.getFile() + ": " + e.getReason());
    }
    for (HwmonChip chip : chips) {
      chip.chipName()
          .ifPresent(
              n ->
                  out.gauge(
                      "node_hwmon_chip_names", "Annotation metric for human-readable chip names", 1,
                      Labels.of("chip", chip.chip(), "chip_name", n)));
      chip.sensors().forEach((sensor, properties) -> addSensor(out, chip.chip(), sensor, properties));
    }
    return out.snapshots();
  }

  private static void addSensor(FamilySet out, String chip, String sensor, Map<String, String> properties) {
    String type = HwmonAttributeName.parse(sensor).map(HwmonAttributeName::type).orElse(sensor);
    Labels labels = Labels.of("chip", chip, "sensor", sensor);
    String label = properties.get("label");
    if (label != null) {
      out.gauge(
          "node_hwmon_sensor_label", "Label for given chip and sensor", 1,
          Labels.of("chip", chip, "sensor", sensor, "label", label));
    }
    switch (type) {
      case "beep_enable" -> {
        out.gauge("node_hwmon_beep_enabled", "Hardware beep enabled", "1".equals(properties.get("")) ? 1 : 0, labels);
        return;
      }
      case "vrm" -> {
        number(properties.get(""))
            .ifPresent(v -> out.gauge("node_hwmon_voltage_regulator_version", "Hardware voltage regulator", v, labels));
        return;
      }
      case "update_interval" -> {
        number(properties.get(""))
            .ifPresent(
                v ->
                    out.gauge(
                        "node_hwmon_update_interval_seconds", "Hardware monitor update interval", v * 0.001, labels));
        return;
      }
      default -> {
        // every property becomes its own family below
      }
    }
    String prefix = "node_hwmon_" + type;
    properties.forEach(
        (element, raw) -> {
          if (element.equals("label")) {
            return;
          }
          OptionalDouble parsed = number(raw);
          if (parsed.isEmpty()) {
            return; // not a number (model strings, "N/A"): node_exporter skips it too
          }
          String name = prefix;
          if (element.equals("input")) {
            if (properties.containsKey("")) {
              name = name + "_input"; // a bare "in0" file already took the plain name
            }
          } else if (!element.isEmpty()) {
            name = name + "_" + HwmonChip.clean(element);
          }
          addProperty(out, type, element, name, parsed.getAsDouble(), labels);
        });
  }

  /** node_exporter 1.5's unit and naming rules for one property, first match wins. */
  private static void addProperty(FamilySet out, String type, String element, String name, double v, Labels labels) {
    if (element.equals("fault") || element.equals("alarm")) {
      out.gauge(name, "Hardware sensor " + element + " status (" + type + ")", v, labels);
    } else if (element.equals("beep")) {
      out.gauge(name + "_enabled", "Hardware monitor sensor has beeping enabled", v, labels);
    } else if (type.equals("in") || type.equals("cpu")) {
      out.gauge(name + "_volts", "Hardware monitor for voltage (" + element + ")", v * 0.001, labels);
    } else if (type.equals("temp") && !element.equals("type")) {
      String what = element.isEmpty() ? "input" : element;
      out.gauge(name + "_celsius", "Hardware monitor for temperature (" + what + ")", v * 0.001, labels);
    } else if (type.equals("curr")) {
      out.gauge(name + "_amps", "Hardware monitor for current (" + element + ")", v * 0.001, labels);
    } else if (type.equals("energy")) {
      // Exposed as <name>_joule_total: counters are given their base name.
      out.counter(name + "_joule", "Hardware monitor for joules used so far (" + element + ")", v / 1000000.0, labels);
    } else if (type.equals("power") && element.equals("accuracy")) {
      out.gauge(name, "Hardware monitor power meter accuracy, as a ratio", v / 1000000.0, labels);
    } else if (type.equals("power")
        && (element.equals("average_interval")
            || element.equals("average_interval_min")
            || element.equals("average_interval_max"))) {
      out.gauge(name + "_seconds", "Hardware monitor power usage update interval (" + element + ")", v * 0.001, labels);
    } else if (type.equals("power")) {
      out.gauge(name + "_watt", "Hardware monitor for power usage in watts (" + element + ")", v / 1000000.0, labels);
    } else if (type.equals("humidity")) {
      out.gauge(
          name,
          "Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity as a percentage) ("
              + element + ")",
          v / 1000000.0, labels);
    } else if (type.equals("fan")
        && (element.equals("input") || element.equals("min") || element.equals("max") || element.equals("target"))) {
      out.gauge(name + "_rpm", "Hardware monitor for fan revolutions per minute (" + element + ")", v, labels);
    } else {
      out.gauge(name, "Hardware monitor " + type + " element " + element, v, labels);
    }
  }

  private static OptionalDouble number(String raw) {
    return raw == null ? OptionalDouble.empty() : GoStrconv.parseFloat(raw);
  }

  /**
   * Families built up sample by sample, with node_exporter's registry rules: one HELP text and one type per family,
   * one sample per label set; the first sample decides.
   */
  private static final class FamilySet {

    private final Map<String, Family> families = new TreeMap<>();

    void gauge(String name, String help, double value, Labels labels) {
      add(name, false, help, value, labels);
    }

    void counter(String baseName, String help, double value, Labels labels) {
      add(baseName, true, help, value, labels);
    }

    private void add(String name, boolean counter, String help, double value, Labels labels) {
      if (counter && value < 0) {
        LOG.fine(() -> "collector=hwmon dropping " + name + labels + ": negative counter value " + value);
        return; // client_java rejects negative counters; a driver reporting one is broken anyway
      }
      Family family = families.computeIfAbsent(name, n -> new Family(counter, help));
      if (family.counter != counter || !family.help.equals(help)) {
        LOG.fine(() -> "collector=hwmon dropping " + name + labels + ": HELP \"" + help + "\" differs from \""
            + family.help + "\"");
        return;
      }
      if (family.points.putIfAbsent(labels, value) != null) {
        LOG.fine(() -> "collector=hwmon dropping duplicate " + name + labels);
      }
    }

    List<MetricSnapshot> snapshots() {
      List<MetricSnapshot> result = new ArrayList<>(families.size());
      families.forEach(
          (name, family) -> {
            if (family.counter) {
              CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(family.help);
              family.points.forEach(
                  (labels, v) -> b.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(v).build()));
              result.add(b.build());
            } else {
              GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(family.help);
              family.points.forEach(
                  (labels, v) -> b.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(v).build()));
              result.add(b.build());
            }
          });
      return result;
    }
  }

  private static final class Family {
    final boolean counter;
    final String help;
    final Map<Labels, Double> points = new TreeMap<>();

    Family(boolean counter, String help) {
      this.counter = counter;
      this.help = help;
    }
  }
}
