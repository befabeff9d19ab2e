package io.vigil.exporter;

import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.VigilConfig;

/** Where a reload gets the configuration from: the file again, with the command-line flags on top. */
@FunctionalInterface
public interface ConfigSource {
  VigilConfig load() throws ConfigException;
}
