package io.vigil.bench;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vigil.exporter.server.BenchExposition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one whole scrape of the canonical fixture host (every collector that works there) in each exposition
 * format, with and without gzip at the exporter's level 1; and building the {@link MetricSnapshots} (sorted,
 * duplicate-checked) the encoder takes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@State(Scope.Benchmark)
public class EncodeBenchmark {

  /** client_java's three writers, and {@code vigil}: the exporter's own path for Prometheus' Accept header. */
  @Param({"text", "openmetrics", "protobuf", "vigil"})
  public String format;

  @Param({"false", "true"})
  public boolean gzip;

  private MetricSnapshots snapshots;
  private ExpositionFormatWriter writer;
  private final BenchExposition vigil = new BenchExposition();

  @Setup
  public void build() throws Exception {
    snapshots = BenchHost.collectAll(new BenchHost(BenchHost.canonicalRoot()).workingCollectors());
    ExpositionFormats formats = ExpositionFormats.init();
    writer = switch (format) {
      case "text" -> formats.getPrometheusTextFormatWriter();
      case "openmetrics" -> formats.getOpenMetricsTextFormatWriter();
      case "protobuf", "vigil" -> formats.getPrometheusProtobufWriter();
      default -> throw new IllegalArgumentException(format);
    };
  }

  /** As the exporter's {@code Exposition}: a fresh buffer per response, gzip level 1 when asked. */
  @Benchmark
  public byte[] encode() throws IOException {
    if (format.equals("vigil")) {
      return vigil.encode(snapshots, gzip);
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(gzip ? 16 * 1024 : 64 * 1024);
    if (gzip) {
      try (OutputStream out = new GZIPOutputStream(buffer, 8192) {
        {
          def.setLevel(Deflater.BEST_SPEED);
        }
      }) {
        writer.write(out, snapshots);
      }
    } else {
      writer.write(buffer, snapshots);
    }
    return buffer.toByteArray();
  }
}
