package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * SELinux state as go-selinux (which node_exporter uses) determines it, from three files:
 * <ul>
 *   <li>{@code /sys/fs/selinux/enforce} (selinuxfs, see selinuxfs(5) and kernel security/selinux/selinuxfs.c): exists
 *       only when SELinux is enabled and selinuxfs is mounted; {@code 1} enforcing, {@code 0} permissive;
 *   <li>{@code /proc/self/attr/current}: the reader's own security context, {@code kernel} while no policy is
 *       loaded (then SELinux counts as disabled);
 *   <li>{@code /etc/selinux/config} (selinux_config(5)): the mode configured for the next boot, {@code SELINUX=}.
 * </ul>
 * Modes use go-selinux's numbers: 1 enforcing, 0 permissive, -1 disabled.
 *
 * @param enabled selinuxfs is mounted and a policy is loaded
 * @param currentMode the enforce file's value, -1 when it cannot be read
 * @param configMode the configured mode, -1 when the config file is missing or names no known mode
 */
public record Selinux(boolean enabled, int currentMode, int configMode) {

  public static final int ENFORCING = 1;
  public static final int PERMISSIVE = 0;
  public static final int DISABLED = -1;

  /**
   * Reads the state.
   *
   * @param config {@code /etc/selinux/config} under the configured root filesystem
   */
  public static Selinux read(SysFs sys, ProcFs proc, Path config) {
    Path enforcePath = sys.path("fs", "selinux", "enforce");
    // Most hosts have no selinuxfs: checked first, rather than a failed open on every scrape.
    Optional<String> enforce = ProcFs.missing(enforcePath) ? Optional.empty() : SysFs.readAttribute(enforcePath);
    // Without a loaded policy the kernel labels every task "kernel"; an unreadable label does not veto.
    boolean policyLoaded = !SysFs.readAttribute(proc.path("self", "attr", "current"))
        .map(label -> label.replace("\0", "").trim().equals("kernel"))
        .orElse(false);
    boolean enabled = enforce.isPresent() && policyLoaded;
    return new Selinux(enabled, enforce.map(Selinux::parseEnforce).orElse(DISABLED), readConfigMode(config));
  }

  /** {@code 1} or {@code 0} as printed by the kernel; anything else counts as disabled, as go-selinux has it. */
  static int parseEnforce(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return DISABLED;
    }
  }

  static int readConfigMode(Path config) {
    if (ProcFs.missing(config)) {
      return DISABLED; // no SELinux userland installed
    }
    try {
      return parseConfigMode(ProcFs.readText(config));
    } catch (NoSuchFileException ignored) {
      return DISABLED; // no SELinux userland installed
    } catch (IOException ignored) {
      return DISABLED; // unreadable: go-selinux reports disabled too
    }
  }

  /**
   * The {@code SELINUX=} value of a config file: {@code enforcing} 1, {@code permissive} 0, anything else
   * ({@code disabled}, missing, misspelt) -1. Blank lines and {@code #} or {@code ;} comments are skipped; the value
   * may be quoted.
   */
  public static int parseConfigMode(String text) {
    for (String raw : text.lines().toList()) {
      String line = raw.trim();
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0 || !line.substring(0, eq).equals("SELINUX")) {
        continue;
      }
      String value = line.substring(eq + 1).replace("\"", "");
      return switch (value) {
        case "enforcing" -> ENFORCING;
        case "permissive" -> PERMISSIVE;
        default -> DISABLED;
      };
    }
    return DISABLED;
  }
}
