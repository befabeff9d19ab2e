package io.vigil.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version facts baked into the jar at build time ({@code vigil-build.properties}). */
public record BuildInfo(String version, String revision, String javaVersion) {

  public static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/vigil-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // a jar without the resource still runs; version reads "unknown"
    }
    return new BuildInfo(
        clean(p.getProperty("version")), clean(p.getProperty("revision")), System.getProperty("java.version"));
  }

  private static String clean(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
  }
}
