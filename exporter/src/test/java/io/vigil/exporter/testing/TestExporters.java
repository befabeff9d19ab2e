package io.vigil.exporter.testing;

import io.vigil.exporter.Exporter;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.ScrapeSettings;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.config.WebSettings;
import io.vigil.exporter.source.HostPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Exporters on a free loopback port with fault-injection collectors, for server tests. Close what you start. */
public final class TestExporters {

  private TestExporters() {}

  public static WebSettings web(Optional<Path> webConfig, boolean lifecycle, boolean unauthenticatedHealth) {
    return new WebSettings("127.0.0.1:0", "/metrics", 40, Duration.ofSeconds(10), Duration.ofSeconds(30), false,
        webConfig, lifecycle, unauthenticatedHealth);
  }

  public static VigilConfig config(WebSettings web) {
    return new VigilConfig(web, new ScrapeSettings(Duration.ofMillis(500), Duration.ofSeconds(10)),
        HostPaths.defaults(), CollectorOptions.DEFAULT, Optional.empty());
  }

  /** Serves {@code collectors} behind the given web config file. */
  public static Exporter withWebConfig(Path webConfig, CollectorDefinition... collectors) throws IOException {
    return Exporter.start(config(web(Optional.of(webConfig), false, false)), List.of(collectors));
  }
}
