package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Vmstat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * node_exporter's {@code vmstat} collector (Linux only): the {@code /proc/vmstat} fields whose name matches
 * {@code --collector.vmstat.fields}, as untyped {@code node_vmstat_<field>} families.
 *
 * <pre>
 * # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
 * # TYPE node_vmstat_pgfault untyped
 * node_vmstat_pgfault 3225437
 * </pre>
 *
 * <p>Thread safety: safe for concurrent use (the field memo is concurrent).
 */
public final class VmstatCollector implements Collector {

  public static final String NAME = "vmstat";

  /** node_exporter's default for {@code --collector.vmstat.fields}. */
  public static final Pattern DEFAULT_FIELDS = Pattern.compile("^(oom_kill|pgpg|pswp|pg.*fault).*");

  /** More distinct fields than any kernel prints: past it the memo starts over (never unbounded). */
  private static final int MAX_REMEMBERED = 4096;

  private final ProcFs proc;
  private final Pattern fields;
  /** Field to its family name when the pattern selects it: matched once per field, not once per scrape. */
  private final Map<String, Optional<String>> selected = new ConcurrentHashMap<>();
  /** Validated metadata and label sets, built once (see {@link FamilyCache}). */
  private final FamilyCache cache = new FamilyCache();

  /**
   * @param fields which fields to export; matched anywhere in the name as Go's {@code MatchString} does, so anchor
   *     it with {@code ^} as the default does
   */
  public VmstatCollector(ProcFs proc, Pattern fields) {
    this.proc = proc;
    this.fields = fields;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<MetricSnapshot> families = new ArrayList<>();
    if (selected.size() > MAX_REMEMBERED) {
      selected.clear();
    }
    for (Map.Entry<String, Long> field : Vmstat.read(proc).fields().entrySet()) {
      String name = field.getKey();
      Optional<String> family = selected.computeIfAbsent(
          name, n -> fields.matcher(n).find() ? Optional.of("node_vmstat_" + n) : Optional.empty());
      if (family.isPresent()) {
        families.add(
            cache.untyped(family.get(), "/proc/vmstat information field " + name + ".", field.getValue()));
      }
    }
    return families;
  }
}
