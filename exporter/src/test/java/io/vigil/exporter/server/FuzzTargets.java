package io.vigil.exporter.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.ConfigLoader;
import io.vigil.exporter.config.WebConfig;
import io.vigil.exporter.config.WebConfigLoader;
import io.vigil.exporter.server.tls.Pem;
import io.vigil.exporter.server.tls.TlsMaterial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The fuzz targets: every input the exporter takes from outside that is parsed by our code. Each states its
 * contract as "the only exception is X"; anything else escaping (a runtime exception, a stack overflow, a hang) is
 * a finding. Used by one {@code *FuzzTest} class each (long runs, {@code -Pfuzz}) and all together by
 * {@link ExporterInputsFuzzTest} (the short run in every build).
 */
public final class FuzzTargets {

  private static final ConfigLoader CONFIG =
      new ConfigLoader(Set.of("cpu", "filesystem", "netdev", "diskstats", "netclass", "loadavg"));
  private static final WebConfigLoader WEB = new WebConfigLoader();
  private static final Set<String> ENABLED = Set.of("cpu", "meminfo", "loadavg", "netdev");
  private static final String[] PEM_LABELS = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE"};

  private FuzzTargets() {}

  /** {@code --config.file}: only {@link ConfigException}. */
  public static void configFile(FuzzedDataProvider data) {
    try {
      CONFIG.parse("fuzz.yml", data.consumeRemainingAsString(), Optional.empty());
    } catch (ConfigException expected) {
      // invalid configuration, reported with a position
    }
  }

  /**
   * {@code --web.config.file}, and the TLS material of inline certificates and keys: only {@link ConfigException}.
   * (File paths are not followed: the files would be the fuzzer's choice.)
   */
  public static void webConfigFile(FuzzedDataProvider data) {
    try {
      WebConfig c = WEB.parse(Path.of("/nonexistent/fuzz/web-config.yml"), data.consumeRemainingAsString());
      if (c.tls().isPresent() && c.tls().get().files().isEmpty()) {
        TlsMaterial.load(c.tls().get(), 1);
      }
    } catch (ConfigException expected) {
      // invalid web configuration
    }
  }

  /** The query and timeout header of {@code /metrics}: only {@link BadRequestException} (HTTP 400). */
  public static void metricsRequest(FuzzedDataProvider data) {
    String header = data.consumeBoolean() ? data.consumeString(40) : null;
    String probe = data.consumeString(40);
    String query = data.consumeRemainingAsString();
    try {
      MetricsHandler.Request r = MetricsHandler.parse(query, header, ENABLED, Duration.ofMillis(500));
      r.collectors().test(probe);
      r.families().test(probe);
      if (r.budget().isPresent() && r.budget().get().isNegative()) {
        throw new IllegalStateException("negative collection budget from header " + header);
      }
    } catch (BadRequestException expected) {
      // answered with 400
    }
  }

  /** PEM and DER of certificate, key and CA files: only {@link ConfigException}. */
  public static void pem(FuzzedDataProvider data) {
    String label = data.pickValue(PEM_LABELS);
    boolean wrap = data.consumeBoolean();
    String text = wrap
        ? "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(data.consumeRemainingAsBytes())
            + "\n-----END " + label + "-----\n"
        : data.consumeRemainingAsString();
    try {
      Pem.privateKey("fuzz.pem", text);
    } catch (ConfigException expected) {
      // not a usable key
    }
    try {
      Pem.certificates("fuzz.pem", text);
    } catch (ConfigException expected) {
      // not a usable certificate
    }
  }
}
