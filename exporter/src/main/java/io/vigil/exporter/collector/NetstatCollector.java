package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetSnmp;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * node_exporter's {@code netstat} collector (Linux only): the counters of {@code /proc/net/netstat},
 * {@code /proc/net/snmp} and {@code /proc/net/snmp6} whose {@code <Protocol>_<Field>} name matches the field
 * pattern, as untyped families.
 *
 * <pre>
 * # HELP node_netstat_Tcp_InSegs Statistic TcpInSegs.
 * # TYPE node_netstat_Tcp_InSegs untyped
 * node_netstat_Tcp_InSegs 1302
 * </pre>
 *
 * <p>{@code snmp6} is optional (absent when IPv6 is disabled); the other two files must be readable, and a value
 * that is not an integer anywhere in them fails the collection, as in node_exporter.
 *
 * <p>Thread safety: safe for concurrent use (the field memo is concurrent).
 */
public final class NetstatCollector implements Collector {

  public static final String NAME = "netstat";

  /** node_exporter 1.5's default {@code --collector.netstat.fields}. */
  public static final String DEFAULT_FIELDS =
      "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)|Icmp6?_(InMsgs|OutMsgs)"
          + "|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts)"
          + "|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)"
          + "|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$";

  /** More distinct protocol/field pairs than any kernel prints: past it the memo starts over (never unbounded). */
  private static final int MAX_REMEMBERED = 4096;

  private final ProcFs proc;
  private final Pattern fields;
  /**
   * Protocol, then field, to the family name and help when the pattern selects it: the kernel prints the same few
   * hundred fields on every scrape, so each is matched against the pattern once, not once per scrape.
   */
  private final Map<String, Map<String, Optional<Names>>> selected = new ConcurrentHashMap<>();

  private record Names(String family, String help) {}

  /** Validated metadata and label sets, built once (see {@link FamilyCache}). */
  private final FamilyCache cache = new FamilyCache();

  public NetstatCollector(ProcFs proc) {
    this(proc, Pattern.compile(DEFAULT_FIELDS));
  }

  /** @param fields which {@code <Protocol>_<Field>} names to expose (unanchored, as node_exporter's flag) */
  public NetstatCollector(ProcFs proc, Pattern fields) {
    this.proc = proc;
    this.fields = fields;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    // Protocol names do not repeat across the three files; a later file would win, as in node_exporter.
    Map<String, Map<String, Double>> protocols = new LinkedHashMap<>(NetSnmp.read(proc, "netstat").protocols());
    protocols.putAll(NetSnmp.read(proc, "snmp").protocols());
    NetSnmp.readSnmp6(proc).ifPresent(snmp6 -> protocols.putAll(snmp6.protocols()));

    List<MetricSnapshot> out = new ArrayList<>();
    if (selected.size() > MAX_REMEMBERED) {
      selected.clear();
    }
    protocols.forEach((protocol, values) -> {
      Map<String, Optional<Names>> byField = selected.computeIfAbsent(protocol, p -> new ConcurrentHashMap<>());
      values.forEach((field, value) -> {
        Optional<Names> names = byField.get(field);
        if (names == null) {
          names = select(protocol, field);
          if (byField.size() < MAX_REMEMBERED) {
            byField.put(field, names);
          }
        }
        names.ifPresent(n -> out.add(cache.untyped(n.family(), n.help(), value)));
      });
    });
    return out;
  }

  private Optional<Names> select(String protocol, String field) {
    String key = protocol + "_" + field;
    if (!fields.matcher(key).find()) {
      return Optional.empty();
    }
    return Optional.of(new Names("node_netstat_" + key, "Statistic " + protocol + field + "."));
  }
}
