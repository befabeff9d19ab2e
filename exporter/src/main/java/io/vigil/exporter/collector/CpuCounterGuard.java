package io.vigil.exporter.collector;

import io.vigil.exporter.source.ProcStat.CpuTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Keeps per-CPU mode counters from going backwards, with node_exporter's rules: the kernel's idle and iowait times
 * can step back slightly (NO_HZ accounting), so a mode that decreased keeps its previous value; but when idle drops
 * by {@value #JUMP_BACK_SECONDS} seconds or more, the CPU was probably hot-plugged and its counters start afresh.
 * A CPU that is no longer reported (offlined) is forgotten.
 *
 * <p>Thread safety: {@link #update} is synchronized.
 */
final class CpuCounterGuard {

  private static final Logger LOG = Logger.getLogger(CpuCounterGuard.class.getName());

  static final double JUMP_BACK_SECONDS = 3.0;

  private Map<String, CpuTimes> previous = Map.of();

  /** The current times, with decreases masked; remembers them for the next call. */
  synchronized List<CpuTimes> update(List<CpuTimes> current) {
    List<CpuTimes> out = new ArrayList<>(current.size());
    Map<String, CpuTimes> next = new HashMap<>();
    for (CpuTimes now : current) {
      CpuTimes before = previous.get(now.cpu());
      CpuTimes kept = before == null || hotplugged(before, now) ? now : monotonic(before, now);
      out.add(kept);
      next.put(now.cpu(), kept);
    }
    previous = next;
    return out;
  }

  private static boolean hotplugged(CpuTimes before, CpuTimes now) {
    Double idleBefore = before.seconds().get("idle");
    Double idleNow = now.seconds().get("idle");
    if (idleBefore != null && idleNow != null && idleBefore - idleNow >= JUMP_BACK_SECONDS) {
      LOG.fine(() -> "collector=cpu cpu=" + now.cpu() + " idle jumped back from " + idleBefore + " to " + idleNow
          + " seconds, possible hotplug event, resetting its counters");
      return true;
    }
    return false;
  }

  private static CpuTimes monotonic(CpuTimes before, CpuTimes now) {
    if (!decreased(before.seconds(), now.seconds()) && !decreased(before.guestSeconds(), now.guestSeconds())) {
      return now; // the usual case: nothing to mask, no copies
    }
    return new CpuTimes(
        now.cpu(), max(now.cpu(), before.seconds(), now.seconds()), max(now.cpu(), before.guestSeconds(),
            now.guestSeconds()));
  }

  private static boolean decreased(Map<String, Double> before, Map<String, Double> now) {
    for (Map.Entry<String, Double> e : now.entrySet()) {
      Double old = before.get(e.getKey());
      if (old != null && e.getValue() < old) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Double> max(String cpu, Map<String, Double> before, Map<String, Double> now) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : now.entrySet()) {
      Double old = before.get(e.getKey());
      if (old != null && e.getValue() < old) {
        LOG.fine(() -> "collector=cpu cpu=" + cpu + " mode=" + e.getKey() + " counter jumped back from " + old
            + " to " + e.getValue());
        out.put(e.getKey(), old);
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
