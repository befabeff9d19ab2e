package io.vigil.exporter.collector;

import java.util.Objects;

/**
 * A catalogue entry: node_exporter's collector name, whether it is on by default, and how to build it.
 *
 * @param name the collector name; drives {@code --collector.<name>}, {@code --no-collector.<name>} and the
 *     {@code collector} label
 * @param enabledByDefault node_exporter's default for this collector
 * @param help one line for {@code --help} and the landing page
 * @param factory builds the collector once at start-up
 */
public record CollectorDefinition(
    String name, boolean enabledByDefault, String help, CollectorFactory factory) {

  public CollectorDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(factory, "factory");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("collector name must be lower_snake_case: " + name);
    }
  }
}
