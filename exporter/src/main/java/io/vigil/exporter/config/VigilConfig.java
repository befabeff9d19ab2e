package io.vigil.exporter.config;

import io.vigil.exporter.source.HostPaths;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole validated configuration: file, then command-line flags on top. Immutable; a reload builds a new one.
 *
 * @param web HTTP server settings
 * @param scrape scrape timing
 * @param paths where {@code /proc}, {@code /sys} and the root filesystem are
 * @param collectors which collectors run and their options
 * @param file the file this was loaded from, if any
 * @param services textfile directories, process groups, probes and commands
 */
public record VigilConfig(
    WebSettings web,
    ScrapeSettings scrape,
    HostPaths paths,
    CollectorOptions collectors,
    Optional<Path> file,
    ServicesConfig services) {

  public static final VigilConfig DEFAULT =
      new VigilConfig(
          WebSettings.DEFAULT, ScrapeSettings.DEFAULT, HostPaths.defaults(), CollectorOptions.DEFAULT,
          Optional.empty());

  /** A configuration without services (no textfiles, process groups, probes or commands). */
  public VigilConfig(
      WebSettings web, ScrapeSettings scrape, HostPaths paths, CollectorOptions collectors, Optional<Path> file) {
    this(web, scrape, paths, collectors, file, ServicesConfig.DEFAULT);
  }
}
