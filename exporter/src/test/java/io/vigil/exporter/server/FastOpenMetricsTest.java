package io.vigil.exporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.vigil.exporter.collector.Collector;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.collector.CollectorContext;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fast writer must write exactly what client_java's OpenMetrics writer writes, or decline. */
class FastOpenMetricsTest {

  private final FastOpenMetrics fast = new FastOpenMetrics(ExporterProperties.builder().build());

  @Test
  void writesTheFixtureHostsWholeScrapeAsClientJavaDoes() throws Exception {
    Path root = Fixtures.root();
    HostPaths paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root.resolve("run/udev/data"));
    ProcFs proc = new ProcFs(paths.procfs());
    SysFs sys = new SysFs(paths.sysfs());
    CollectorContext ctx = new CollectorContext(LinuxSources.create(proc, sys, paths, () -> "x86_64"),
        Optional.of(proc), Optional.of(sys), paths, CollectorOptions.DEFAULT);
    List<MetricSnapshot> families = new ArrayList<>();
    for (CollectorDefinition def : CollectorCatalogue.all()) {
      try {
        Collector c = def.factory().create(ctx);
        families.addAll(c.collect());
      } catch (Exception notOnThisTree) {
        // dmi and the like: nothing to write
      }
    }
    assertThat(families).hasSizeGreaterThan(100);
    assertSame(new MetricSnapshots(families));
  }

  @Test
  void writesTheJvmSelfMetricsAsClientJavaDoes() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.builder().register(registry);
    assertSame(registry.scrape());
  }

  @Test
  void escapesLabelValuesAndFormatsValuesAsClientJavaDoes() throws Exception {
    GaugeSnapshot.Builder g = GaugeSnapshot.builder().name("odd_values").help("Help with \\ backslash, \"quotes\"\nand é");
    double[] values = {0, -0.0, 1, -1, 0.1, 1e-300, 1e300, 1.0e7, 9_999_999, -9_999_999, 1e7 - 0.5, 1e6, 100, -10,
        123456789012.0, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Long.MAX_VALUE, Double.MIN_VALUE};
    String[] labelValues = {"plain", "back\\slash", "quo\"te", "new\nline", "é", "日本", "😀", "\ud800x", "", "a\\\"\n"};
    int i = 0;
    for (double v : values) {
      g.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("i", Integer.toString(i++), "v", "x")).value(v)
          .build());
    }
    for (String lv : labelValues) {
      g.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("i", Integer.toString(i++), "v", lv)).value(1)
          .build());
    }
    List<MetricSnapshot> families = new ArrayList<>();
    families.add(g.build());
    families.add(CounterSnapshot.builder().name("c_seconds").help("A counter.").unit(Unit.SECONDS)
        .dataPoint(CounterDataPointSnapshot.builder().value(3.5).build()).build());
    families.add(UnknownSnapshot.builder().name("u").dataPoint(
        UnknownSnapshot.UnknownDataPointSnapshot.builder().value(2).build()).build());
    families.add(InfoSnapshot.builder().name("thing").help("Info.").dataPoint(
        InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of("version", "1\"2")).build()).build());
    families.add(SummarySnapshot.builder().name("s_seconds").help("Summary.").unit(Unit.SECONDS)
        .dataPoint(SummaryDataPointSnapshot.builder().labels(Labels.of("gc", "a")).count(3).sum(0.25).build())
        .dataPoint(SummaryDataPointSnapshot.builder().labels(Labels.of("gc", "b")).count(0).build())
        .dataPoint(SummaryDataPointSnapshot.builder().labels(Labels.of("gc", "c")).sum(1.5).build())
        .build());
    families.add(SummarySnapshot.builder().name("empty_summary").help("Nothing to write.")
        .dataPoint(SummaryDataPointSnapshot.builder().build()).build());
    families.add(GaugeSnapshot.builder().name("no_points").help("Skipped.").build());
    assertSame(new MetricSnapshots(families));
  }

  @Test
  void declinesWhatItDoesNotWriteTheSame() throws Exception {
    assertThat(writes(fast, new MetricSnapshots(CounterSnapshot.builder().name("c").dataPoint(
        CounterDataPointSnapshot.builder().value(1).exemplar(Exemplar.builder().value(1).build()).build()).build())))
        .as("exemplar").isFalse();
    assertThat(writes(fast, new MetricSnapshots(GaugeSnapshot.builder().name("g").dataPoint(
        GaugeDataPointSnapshot.builder().value(1).scrapeTimestampMillis(1000).build()).build())))
        .as("timestamp").isFalse();
    assertThat(writes(fast, new MetricSnapshots(SummarySnapshot.builder().name("s").dataPoint(
        SummaryDataPointSnapshot.builder().count(1).sum(1).quantiles(Quantiles.of(
            new io.prometheus.metrics.model.snapshots.Quantile(0.5, 1))).build()).build())))
        .as("quantiles").isFalse();
    assertThat(writes(fast, new MetricSnapshots(HistogramSnapshot.builder().name("h").build())))
        .as("histogram").isFalse();
    assertThat(writes(fast, new MetricSnapshots(GaugeSnapshot.builder().name("dotted.name").dataPoint(
        GaugeDataPointSnapshot.builder().value(1).build()).build())))
        .as("name outside the classic characters").isFalse();
    assertThat(new FastOpenMetrics(ExporterProperties.builder().includeCreatedTimestamps(true).build())
        .write(new MetricSnapshots(GaugeSnapshot.builder().name("g").dataPoint(
            GaugeDataPointSnapshot.builder().value(1).build()).build())).isPresent())
        .as("created timestamps asked for").isFalse();
  }

  private void assertSame(MetricSnapshots snapshots) throws Exception {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.create().write(expected, snapshots);
    for (int round = 0; round < 2; round++) { // the second round writes from the header memo and a reused buffer
      Optional<FastOpenMetrics.Text> text = fast.write(snapshots);
      assertThat(text).isPresent();
      byte[] actual = java.util.Arrays.copyOf(text.get().bytes(), text.get().length());
      assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(expected.toString(StandardCharsets.UTF_8));
      assertThat(actual).isEqualTo(expected.toByteArray());
    }
  }

  private static boolean writes(FastOpenMetrics fast, MetricSnapshots snapshots) throws Exception {
    return fast.write(snapshots).isPresent();
  }
}
