package io.vigil.exporter.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Process groups ({@code process_groups}), process-exporter's {@code process_names} with Vigil's limits.
 *
 * @param groups matchers, tried in order; the first that matches a process names its group
 * @param maxGroups most groups tracked at once; processes of further groups are dropped and counted in
 *     {@code vigil_process_groups_dropped}
 * @param topCount how many process names the top-N view reports by CPU and by memory; 0 = off
 */
public record ProcessGroupsConfig(List<Matcher> groups, int maxGroups, int topCount) {

  public static final int DEFAULT_MAX_GROUPS = 100;
  public static final int MAX_TOP = 20;

  public static final ProcessGroupsConfig DEFAULT = new ProcessGroupsConfig(List.of(), DEFAULT_MAX_GROUPS, 0);

  public ProcessGroupsConfig {
    groups = List.copyOf(groups);
  }

  /** True when the collector has anything to do. */
  public boolean configured() {
    return !groups.isEmpty() || topCount > 0;
  }

  /**
   * One matcher. All given criteria must hold: {@code comm} (any of, exact), {@code exe} (any of; a value with a
   * {@code /} is compared with the full path, otherwise with its base name) and {@code cmdline} (all regexes must
   * find a match in the arguments joined by spaces; named groups feed {@code {{.Matches.NAME}}}).
   *
   * @param name the name template, e.g. {@code {{.Comm}}} or {@code java:{{.Matches.app}}}
   */
  public record Matcher(String name, List<String> comm, List<String> exe, List<Pattern> cmdline) {
    public Matcher {
      comm = List.copyOf(comm);
      exe = List.copyOf(exe);
      cmdline = List.copyOf(cmdline);
    }
  }
}
