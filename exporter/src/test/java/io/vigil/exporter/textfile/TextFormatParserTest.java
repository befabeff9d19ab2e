package io.vigil.exporter.textfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextFormatParserTest {

  private static final Path CORPUS = Fixtures.caseDir(TextFormatParserTest.class, "malformed");

  @Test
  void parsesEveryFeatureOfTheFormat() throws Exception {
    List<ParsedFamily> families = TextFormatParser.parse("t.prom", """
        # A comment line
        # HELP http_requests_total Requests served.\\nBy method and code; a \\\\ backslash.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027
        http_requests_total{code="400" , method="post",} 3

        # TYPE temperature_celsius gauge
        temperature_celsius{sensor="a \\"quoted\\" \\\\ one\\nline"}\t-3.5e1
        untyped_thing NaN
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="0.1"} 2
        latency_seconds_bucket{le="+Inf"} 3
        latency_seconds_sum 0.42
        latency_seconds_count 3
        """);
    assertThat(families).extracting(ParsedFamily::name)
        .containsExactly("http_requests_total", "temperature_celsius", "untyped_thing", "latency_seconds");
    ParsedFamily requests = families.get(0);
    assertThat(requests.type()).isEqualTo(MetricType.COUNTER);
    assertThat(requests.help()).contains("Requests served.\nBy method and code; a \\ backslash.");
    assertThat(requests.samples().get(1).labels())
        .containsExactly(new ParsedSample.Label("code", "400"), new ParsedSample.Label("method", "post"));
    assertThat(families.get(1).samples().get(0).label("sensor")).isEqualTo("a \"quoted\" \\ one\nline");
    assertThat(families.get(1).samples().get(0).value()).isEqualTo(-35.0);
    assertThat(families.get(2).type()).isEqualTo(MetricType.UNTYPED);
    assertThat(families.get(2).samples().get(0).value()).isNaN();
    assertThat(families.get(3).samples()).hasSize(4);
  }

  @Test
  void emptyInputHasNoFamilies() throws Exception {
    assertThat(TextFormatParser.parse("t.prom", "")).isEmpty();
    assertThat(TextFormatParser.parse("t.prom", "\n\n# only a comment\n")).isEmpty();
    assertThat(TextFormatParser.parse("t.prom", "# TYPE declared_only gauge\n")).isEmpty();
  }

  @Test
  void lastLineNeedsNoNewline() throws Exception {
    assertThat(TextFormatParser.parse("t.prom", "a 1\nb 2").get(1).samples().get(0).value()).isEqualTo(2.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "-1", "+1", "1.", ".5", "1e3", "1E-3", "+Inf", "-Inf", "Inf", "inf", "NaN", "nan",
      "Infinity", "0.000001", "18446744073709551615"})
  void acceptsGoFloatSpellings(String value) throws Exception {
    assertThat(TextFormatParser.parse("t.prom", "x " + value + "\n")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1d", "1f", "0x10", "0x1p3", "1_000", "--1", "1e", ".", "e3", "1.2.3", "∞"})
  void refusesJavaOnlyAndBrokenFloats(String value) {
    assertThatThrownBy(() -> TextFormatParser.parse("t.prom", "x " + value + "\n"))
        .isInstanceOf(TextFormatException.class).hasMessageContaining("invalid value");
  }

  static Stream<Arguments> malformedCorpus() throws Exception {
    return Files.readAllLines(CORPUS.resolveSibling("expected-errors.txt")).stream()
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t", 2))
        .map(parts -> Arguments.of(parts[0], parts[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedCorpus")
  void eachMalformedInputOfTheCorpusGivesAClearError(String file, String expected) throws Exception {
    byte[] bytes = Files.readAllBytes(CORPUS.resolve(file));
    assertThatThrownBy(() -> TextFormatParser.parse(file, bytes))
        .isInstanceOf(TextFormatException.class)
        .hasMessage(expected);
  }

  @Test
  void everyCorpusFileHasAnExpectedError() throws Exception {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      List<String> listed = malformedCorpus().map(a -> (String) a.get()[0]).sorted().toList();
      assertThat(names).isEqualTo(listed);
    }
  }

  @Test
  void truncatedInputIsRefusedAtItsLastLine() {
    assertThatThrownBy(() -> TextFormatParser.parse("t.prom", "a 1\nb{x=\"1"))
        .hasMessage("t.prom:2: value of label x of b is not closed with \"");
  }

  @Test
  void mergerTurnsHistogramsAndSummariesIntoSnapshots() throws Exception {
    FamilyMerger merger = new FamilyMerger();
    merger.add("a.prom", TextFormatParser.parse("a.prom", """
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="0.1"} 2
        latency_seconds_bucket{le="1"} 5
        latency_seconds_bucket{le="+Inf"} 6
        latency_seconds_sum 3.5
        latency_seconds_count 6
        # TYPE rpc_seconds summary
        rpc_seconds{quantile="0.5"} 0.2
        rpc_seconds{quantile="0.99"} 0.9
        rpc_seconds_sum 12
        rpc_seconds_count 40
        # TYPE jobs counter
        jobs 7
        """.getBytes(StandardCharsets.UTF_8)));
    assertThat(MetricsText.of(merger.snapshots())).isEqualTo("""
        # HELP jobs Metric read from a.prom
        # TYPE jobs untyped
        jobs 7.0
        # HELP latency_seconds Metric read from a.prom
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="0.1"} 2
        latency_seconds_bucket{le="1.0"} 5
        latency_seconds_bucket{le="+Inf"} 6
        latency_seconds_count 6
        latency_seconds_sum 3.5
        # HELP rpc_seconds Metric read from a.prom
        # TYPE rpc_seconds summary
        rpc_seconds{quantile="0.5"} 0.2
        rpc_seconds{quantile="0.99"} 0.9
        rpc_seconds_count 40
        rpc_seconds_sum 12.0
        """);
  }

  @Test
  void mergerRefusesAWholeInputThatClashesWithAnEarlierOne() throws Exception {
    FamilyMerger merger = new FamilyMerger();
    merger.add("a.prom", TextFormatParser.parse("a.prom", "# TYPE x gauge\nx{a=\"1\"} 1\n"));
    assertThatThrownBy(() -> merger.add("b.prom", TextFormatParser.parse("b.prom", "y 2\n# TYPE x counter\nx 1\n")))
        .hasMessage("b.prom:3: x is a counter here but a gauge in an earlier input");
    assertThatThrownBy(() -> merger.add("c.prom", TextFormatParser.parse("c.prom", "x{a=\"1\"} 5\n")))
        .hasMessage("c.prom:1: x is an untyped here but a gauge in an earlier input");
    assertThatThrownBy(() -> merger.add("d.prom", TextFormatParser.parse("d.prom", "# TYPE x gauge\nx{a=\"1\"} 5\n")))
        .hasMessage("d.prom:2: series x{a=\"1\"} is already given by an earlier input");
    assertThat(merger.names()).containsExactly("x"); // nothing of b.prom (not even y) was merged
  }

  @Test
  void mergerRefusesAHistogramWithoutInfBucket() throws Exception {
    List<ParsedFamily> f = TextFormatParser.parse("h.prom", "# TYPE h histogram\nh_bucket{le=\"1\"} 1\n");
    assertThatThrownBy(() -> new FamilyMerger().add("h.prom", f))
        .hasMessageStartingWith("h.prom:2: histogram h: no le=\"+Inf\" bucket");
  }
}
