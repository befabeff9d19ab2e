package io.vigil.exporter.textfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Fuzzes the textfile parser and what follows it on the scrape path (merging into client_java snapshots, encoding
 * in every exposition format): any input must either be accepted and then encode, or be refused with a
 * {@link TextFormatException}. Any other exception, or a hang, is a finding.
 *
 * <p>Plain {@code mvn test} runs both methods on the seed corpus ({@code TextFormatParserFuzzTestInputs/}) as
 * regression tests; the {@code textfile-fuzz} execution fuzzes {@link #shortRun} for a few seconds on every build;
 * {@code mvn test -Pfuzz} fuzzes {@link #longRun} for five minutes.
 */
class TextFormatParserFuzzTest {

  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  @FuzzTest(maxDuration = "10s")
  void shortRun(byte[] input) {
    check(input);
  }

  @FuzzTest(maxDuration = "5m")
  void longRun(byte[] input) {
    check(input);
  }

  static void check(byte[] input) {
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
