package io.vigil.exporter.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.vigil.exporter.config.ConfigException;
import io.vigil.exporter.config.ConfigLoader;
import io.vigil.exporter.config.WebConfig;
import io.vigil.exporter.config.WebConfigLoader;
import io.vigil.exporter.server.tls.Pem;
import io.vigil.exporter.server.tls.TlsMaterial;
import io.vigil.exporter.textfile.FamilyMerger;
import io.vigil.exporter.textfile.ParsedFamily;
import io.vigil.exporter.textfile.TextFormatException;
import io.vigil.exporter.textfile.TextFormatParser;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
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
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();
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

  /**
   * A {@code *.prom} file of the textfile collector, and what follows it on the scrape path (merging into client_java
   * snapshots, encoding in every exposition format): accepted and then encodes, or refused with a
   * {@link TextFormatException} that names the file.
   */
  public static void textfile(FuzzedDataProvider data) {
    textfile(data.consumeRemainingAsBytes());
  }

  /** {@link #textfile(FuzzedDataProvider)} on raw file bytes. */
  public static void textfile(byte[] input) {
    List<ParsedFamily> families;
    try {
      families = TextFormatParser.parse("fuzz.prom", input);
    } catch (TextFormatException expected) {
      if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz.prom")) {
        throw new AssertionError("error message does not name the source: " + expected.getMessage());
      }
      return;
    }
    FamilyMerger merger = new FamilyMerger();
    try {
      merger.add("fuzz.prom", families);
    } catch (TextFormatException expected) {
      return;
    }
    MetricSnapshots snapshots = new MetricSnapshots(merger.snapshots());
    try {
      FORMATS.getPrometheusTextFormatWriter().write(new ByteArrayOutputStream(), snapshots);
      FORMATS.getOpenMetricsTextFormatWriter().write(new ByteArrayOutputStream(), snapshots);
      FORMATS.getPrometheusProtobufWriter().write(new ByteArrayOutputStream(), snapshots);
    } catch (IOException e) {
      throw new AssertionError("accepted input did not encode", e);
    }
  }
}
