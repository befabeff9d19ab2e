package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.source.SourceReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * node_exporter's {@code netclass} collector: interface properties from {@code /sys/class/net/<iface>/}, as
 * node_exporter 1.5 exposes them (one gauge or counter per attribute, named {@code node_network_<property>}, help
 * {@code Network device property: <property>}), plus {@code node_network_up} and {@code node_network_info}.
 *
 * <pre>
 * # HELP node_network_up Value is 1 if operstate is 'up', 0 otherwise.
 * # TYPE node_network_up gauge
 * node_network_up{device="eth0"} 1
 * </pre>
 *
 * <p>An attribute the device does not have, or the kernel will not read now, is left out for that device;
 * {@code node_network_info} then has an empty label value, as in node_exporter.
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class NetclassCollector implements Collector {

  public static final String NAME = "netclass";

  /** Mbit/s to bytes/s, as node_exporter computes {@code speed_bytes}. */
  static final long BYTES_PER_MEGABIT = 1000 * 1000 / 8;

  /** A numeric attribute and the property (family stem) node_exporter exposes it as. */
  private record Property(String attribute, String property, boolean counter) {}

  private static final List<Property> PROPERTIES =
      List.of(
          new Property("addr_assign_type", "address_assign_type", false),
          new Property("carrier", "carrier", false),
          new Property("carrier_changes", "carrier_changes_total", true),
          new Property("carrier_up_count", "carrier_up_changes_total", true),
          new Property("carrier_down_count", "carrier_down_changes_total", true),
          new Property("dev_id", "device_id", false),
          new Property("dormant", "dormant", false),
          new Property("flags", "flags", false),
          new Property("ifindex", "iface_id", false),
          new Property("iflink", "iface_link", false),
          new Property("link_mode", "iface_link_mode", false),
          new Property("mtu", "mtu_bytes", false),
          new Property("name_assign_type", "name_assign_type", false),
          new Property("netdev_group", "net_dev_group", false),
          new Property("tx_queue_len", "transmit_queue_length", false),
          new Property("type", "protocol_type", false));

  private final SourceReader<List<NetClassDevice>> source;
  /** Validated metadata and label sets, built once (see {@link FamilyCache}). */
  private final FamilyCache cache = new FamilyCache();
  private final DeviceFilter devices;

  /**
   * @param devices node_exporter's {@code --collector.netclass.ignored-devices}, as a filter
   */
  public NetclassCollector(SourceReader<List<NetClassDevice>> source, DeviceFilter devices) {
    this.source = source;
    this.devices = devices;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<NetClassDevice> kept = new ArrayList<>();
    for (NetClassDevice device : source.read()) {
      if (devices.keeps(device.device())) {
        kept.add(device);
      }
    }
    kept.sort(Comparator.comparing(NetClassDevice::device));

    List<MetricSnapshot> out = new ArrayList<>();
    GaugeSnapshot.Builder up = GaugeSnapshot.builder()
        .name("node_network_up")
        .help("Value is 1 if operstate is 'up', 0 otherwise.");
    GaugeSnapshot.Builder info = GaugeSnapshot.builder()
        .name("node_network_info")
        .help("Non-numeric data from /sys/class/net/<iface>, value is always 1.");
    for (NetClassDevice device : kept) {
      String operstate = device.attribute("operstate").orElse("");
      up.dataPoint(gaugePoint(operstate.equals("up") ? 1 : 0, device.device()));
      info.dataPoint(Families.gaugePoint(1,
          "address", device.attribute("address").orElse(""),
          "broadcast", device.attribute("broadcast").orElse(""),
          "device", device.device(),
          "duplex", device.attribute("duplex").orElse(""),
          "ifalias", device.attribute("ifalias").orElse(""),
          "operstate", operstate));
    }
    if (!kept.isEmpty()) {
      out.add(up.build());
      out.add(info.build());
    }
    for (Property p : PROPERTIES) {
      property(kept, p).ifPresent(out::add);
    }
    speedBytes(kept).ifPresent(out::add);
    return out;
  }

  private Optional<MetricSnapshot> property(List<NetClassDevice> devices, Property p) {
    String name = "node_network_" + p.property();
    String help = "Network device property: " + p.property();
    if (p.counter()) {
      // Counter builders take the base name; the writer adds _total back.
      CounterSnapshot.Builder b =
          CounterSnapshot.builder().name(name.substring(0, name.length() - "_total".length())).help(help);
      int points = 0;
      for (NetClassDevice d : devices) {
        Optional<Long> v = d.integer(p.attribute());
        if (v.isPresent()) {
          b.dataPoint(CounterDataPointSnapshot.builder().labels(cache.device(d.device())).value(v.get()).build());
          points++;
        }
      }
      return points == 0 ? Optional.empty() : Optional.of(b.build());
    }
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    int points = 0;
    for (NetClassDevice d : devices) {
      Optional<Long> v = d.integer(p.attribute());
      if (v.isPresent()) {
        b.dataPoint(gaugePoint(v.get(), d.device()));
        points++;
      }
    }
    return points == 0 ? Optional.empty() : Optional.of(b.build());
  }

  /**
   * {@code speed} is in Mbit/s. Drivers that do not know the speed print -1; node_exporter 1.5 still exposes that
   * (as -125000) unless {@code --collector.netclass.ignore-invalid-speed} is set, so Vigil does too. A speed the
   * kernel refuses to read (EINVAL on a down link) is absent and not exposed.
   */
  private Optional<MetricSnapshot> speedBytes(List<NetClassDevice> devices) {
    GaugeSnapshot.Builder b =
        GaugeSnapshot.builder().name("node_network_speed_bytes").help("Network device property: speed_bytes");
    int points = 0;
    for (NetClassDevice d : devices) {
      Optional<Long> mbit = d.integer("speed");
      if (mbit.isPresent()) {
        b.dataPoint(gaugePoint(mbit.get() * BYTES_PER_MEGABIT, d.device()));
        points++;
      }
    }
    return points == 0 ? Optional.empty() : Optional.of(b.build());
  }

  private GaugeDataPointSnapshot gaugePoint(double value, String device) {
    return GaugeDataPointSnapshot.builder().labels(cache.device(device)).value(value).build();
  }
}
