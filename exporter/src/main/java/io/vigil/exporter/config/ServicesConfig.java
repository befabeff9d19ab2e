package io.vigil.exporter.config;

import java.util.List;

/**
 * What the services collectors need: textfile directories, process groups, probes and commands.
 *
 * @param textfile {@code collectors.textfile}
 * @param processGroups {@code process_groups}
 * @param probes {@code probes}
 * @param commands {@code commands}
 */
public record ServicesConfig(
    TextfileOptions textfile, ProcessGroupsConfig processGroups, ProbeConfig probes, List<CommandConfig> commands) {

  public static final ServicesConfig DEFAULT =
      new ServicesConfig(TextfileOptions.DEFAULT, ProcessGroupsConfig.DEFAULT, ProbeConfig.DEFAULT, List.of());

  public ServicesConfig {
    commands = List.copyOf(commands);
  }
}
