package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.PowerSupply;
import io.vigil.exporter.source.procfs.SysFs;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * node_exporter's {@code powersupplyclass} collector (Linux): batteries, mains adapters and USB ports from
 * {@code /sys/class/power_supply}, one gauge family per attribute plus {@code node_power_supply_info}.
 *
 * <pre>
 * # HELP node_power_supply_voltage_volt voltage_volt value of /sys/class/power_supply/&lt;power_supply&gt;.
 * node_power_supply_voltage_volt{power_supply="BAT0"} 12.838
 * # HELP node_power_supply_info info of /sys/class/power_supply/&lt;power_supply&gt;.
 * node_power_supply_info{power_supply="AC",type="Mains"} 1
 * </pre>
 *
 * <p>Family names and scales are node_exporter 1.5's: µ-units become base units ({@code /1e6}), tenths of a degree
 * become °C, {@code cycle_count} is {@code cyclecount}. The info family has a label per text attribute the supply
 * has, so label sets differ between supplies, as there. Without {@code /sys/class/power_supply} the collector fails
 * ("no data"); with an empty class directory (servers, VMs) it succeeds with nothing. A numeric attribute that is not
 * a number fails the collector, as in node_exporter. node_exporter's {@code --collector.powersupply.ignored-supplies}
 * is not offered (its default ignores nothing).
 *
 * <p>Thread safety: stateless.
 */
public final class PowerSupplyClassCollector implements Collector {

  public static final String NAME = "powersupplyclass";

  /** Family suffix, sysfs attribute, divisor. */
  private record Field(String family, String attribute, double divisor) {}

  private static final List<Field> FIELDS = List.of(
      new Field("authentic", "authentic", 1),
      new Field("calibrate", "calibrate", 1),
      new Field("capacity", "capacity", 1),
      new Field("capacity_alert_max", "capacity_alert_max", 1),
      new Field("capacity_alert_min", "capacity_alert_min", 1),
      new Field("cyclecount", "cycle_count", 1),
      new Field("online", "online", 1),
      new Field("present", "present", 1),
      new Field("time_to_empty_seconds", "time_to_empty_now", 1),
      new Field("time_to_full_seconds", "time_to_full_now", 1),
      new Field("current_boot", "current_boot", 1e6),
      new Field("current_max", "current_max", 1e6),
      new Field("current_ampere", "current_now", 1e6),
      new Field("energy_empty", "energy_empty", 1e6),
      new Field("energy_empty_design", "energy_empty_design", 1e6),
      new Field("energy_full", "energy_full", 1e6),
      new Field("energy_full_design", "energy_full_design", 1e6),
      new Field("energy_watthour", "energy_now", 1e6),
      new Field("voltage_boot", "voltage_boot", 1e6),
      new Field("voltage_max", "voltage_max", 1e6),
      new Field("voltage_max_design", "voltage_max_design", 1e6),
      new Field("voltage_min", "voltage_min", 1e6),
      new Field("voltage_min_design", "voltage_min_design", 1e6),
      new Field("voltage_volt", "voltage_now", 1e6),
      new Field("voltage_ocv", "voltage_ocv", 1e6),
      new Field("charge_control_limit", "charge_control_limit", 1e6),
      new Field("charge_control_limit_max", "charge_control_limit_max", 1e6),
      new Field("charge_counter", "charge_counter", 1e6),
      new Field("charge_empty", "charge_empty", 1e6),
      new Field("charge_empty_design", "charge_empty_design", 1e6),
      new Field("charge_full", "charge_full", 1e6),
      new Field("charge_full_design", "charge_full_design", 1e6),
      new Field("charge_ampere", "charge_now", 1e6),
      new Field("charge_term_current", "charge_term_current", 1e6),
      new Field("constant_charge_current", "constant_charge_current", 1e6),
      new Field("constant_charge_current_max", "constant_charge_current_max", 1e6),
      new Field("constant_charge_voltage", "constant_charge_voltage", 1e6),
      new Field("constant_charge_voltage_max", "constant_charge_voltage_max", 1e6),
      new Field("precharge_current", "precharge_current", 1e6),
      new Field("input_current_limit", "input_current_limit", 1e6),
      new Field("power_watt", "power_now", 1e6),
      new Field("temp_celsius", "temp", 10),
      new Field("temp_alert_max_celsius", "temp_alert_max", 10),
      new Field("temp_alert_min_celsius", "temp_alert_min", 10),
      new Field("temp_ambient_celsius", "temp_ambient", 10),
      new Field("temp_ambient_max_celsius", "temp_ambient_max", 10),
      new Field("temp_ambient_min_celsius", "temp_ambient_min", 10),
      new Field("temp_max_celsius", "temp_max", 10),
      new Field("temp_min_celsius", "temp_min", 10));

  private final SysFs sys;

  public PowerSupplyClassCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path dir = PowerSupply.classDirectory(sys);
    if (!Files.isDirectory(dir)) {
      throw new NoDataException(dir + ": no power supply class");
    }
    List<PowerSupply> supplies;
    try {
      supplies = PowerSupply.readAll(sys);
    } catch (NoSuchFileException e) {
      throw new NoDataException(dir + ": no power supply class");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (PowerSupply s : supplies) {
      for (Field f : FIELDS) {
        OptionalLong v = s.number(f.attribute());
        if (v.isPresent()) {
          out.gauge("node_power_supply_" + f.family(),
              f.family() + " value of /sys/class/power_supply/<power_supply>.",
              v.getAsLong() / f.divisor(), "power_supply", s.name());
        }
      }
      List<String> labels = new ArrayList<>();
      labels.add("power_supply");
      labels.add(s.name());
      // empty strings give no label, as in node_exporter
      s.strings().forEach((attribute, value) -> {
        if (!value.isEmpty()) {
          labels.add(attribute);
          labels.add(value);
        }
      });
      out.gauge("node_power_supply_info", "info of /sys/class/power_supply/<power_supply>.", 1,
          labels.toArray(String[]::new));
    }
    return out.snapshots();
  }
}
