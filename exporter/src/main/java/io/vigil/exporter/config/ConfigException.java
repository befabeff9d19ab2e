package io.vigil.exporter.config;

/**
 * Configuration that cannot be used. The message names where ({@code file:line:column} when the problem is in a
 * file, {@code --flag} for the command line) and what was expected.
 */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
