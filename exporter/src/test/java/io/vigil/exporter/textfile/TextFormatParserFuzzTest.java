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
 * <p>The seed corpus is {@code TextFormatParserFuzzTestInputs/}. The default test execution leaves this class out
 * (starting Jazzer's agent costs ~15 s); the {@code textfile-fuzz-short} execution (profile {@code fuzz-short}, active
 * unless {@code -Dtest} is given) fuzzes {@link #shortRun} for 5 seconds on every full build (after replaying the seeds);
 * {@code mvn test -Pfuzz} fuzzes {@link #longRun} for five minutes.
 */
class TextFormatParserFuzzTest {

  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  @FuzzTest(maxDuration = "5s")
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
