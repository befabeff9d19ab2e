package io.vigil.exporter.server;

import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenMetrics 1.0 text for the families Vigil serves, byte for byte what client_java's
 * {@link OpenMetricsTextFormatWriter} writes, at a fraction of its cost: that writer goes char by char through a
 * {@code BufferedWriter} and an encoder, and re-validates each metric name on every sample, which made it a quarter of
 * a scrape's CPU. Here everything is written as bytes into a per-thread buffer, and each family's
 * {@code # TYPE / # UNIT / # HELP} lines are rendered once and reused.
 *
 * <p>It covers counters, gauges, unknowns, infos and summaries without quantiles, with names and label names of the
 * classic character set, without exemplars or timestamps, and only while client_java would write no created
 * timestamps or gauge exemplars. {@link #write} declines anything else, which then goes to client_java's writer
 * unchanged. A differential test holds the two to the same bytes.
 *
 * <p>Thread safety: safe for concurrent use (the header memo is concurrent, the buffers are per thread).
 */
final class FastOpenMetrics {

  /** More distinct families than a host has: past it the memo starts over (never unbounded). */
  private static final int MAX_HEADERS = 8192;

  private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** Response buffers up to this size are kept per thread for the next scrape. */
  private static final int KEPT_BUFFER_BYTES = 1 << 20;

  private final boolean enabled;
  /** Family name to its rendered metadata lines (checked against type, help and unit on use). */
  private final Map<String, Header> headers = new ConcurrentHashMap<>();
  /** One response buffer per HTTP worker thread, reused scrape after scrape. */
  private final ThreadLocal<Bytes> buffer = ThreadLocal.withInitial(Bytes::new);

  private record Header(String type, String help, Unit unit, byte[] bytes) {
    boolean matches(String type, MetricMetadata m) {
      return this.type.equals(type) && Objects.equals(help, m.getHelp()) && Objects.equals(unit, m.getUnit());
    }
  }

  /** @param properties client_java's exporter settings; created timestamps or exemplars everywhere turn this off */
  FastOpenMetrics(ExporterProperties properties) {
    this.enabled = !properties.getIncludeCreatedTimestamps() && !properties.getExemplarsOnAllMetricTypes();
  }

  /** An encoded body: the first {@code length} bytes of {@code bytes}, valid until the thread's next call. */
  record Text(byte[] bytes, int length) {}

  /**
   * The snapshots as client_java's OpenMetrics writer would write them, or empty when they hold something this class
   * does not write the same (the caller then uses client_java's writer). The returned buffer is this thread's and is
   * reused by its next call.
   */
  Optional<Text> write(MetricSnapshots snapshots) throws IOException {
    if (!enabled) {
      return Optional.empty();
    }
    Bytes b = buffer.get();
    b.len = 0;
    String previous = null;
    for (MetricSnapshot s : snapshots) {
      String name = s.getMetadata().getName();
      // A name with a rendered header was checked when the header was made.
      if (!headers.containsKey(name) && !isClassicName(name) || name.equals(previous)) {
        return Optional.empty(); // escaping or merging of duplicates: client_java's business
      }
      previous = name;
      if (!writeFamily(b, s, name)) {
        return Optional.empty();
      }
    }
    b.raw(EOF);
    if (b.buf.length > KEPT_BUFFER_BYTES) {
      buffer.remove(); // an unusually large response: do not keep its buffer
    }
    return Optional.of(new Text(b.buf, b.len));
  }

  /** Writes one family; false if it holds something client_java would write differently from this class. */
  private boolean writeFamily(Bytes b, MetricSnapshot s, String name) throws IOException {
    if (s instanceof HistogramSnapshot || s instanceof StateSetSnapshot) {
      return false;
    }
    if (s.getDataPoints().isEmpty()) {
      return true; // client_java skips it too
    }
    if (s instanceof CounterSnapshot counter) {
      if (!sameSampleName(s.getMetadata(), "_total")) {
        return false;
      }
      b.raw(header(s, "counter"));
      for (CounterDataPointSnapshot p : counter.getDataPoints()) {
        if (p.hasScrapeTimestamp() || p.getExemplar() != null || !b.nameAndLabels(name, "_total", p.getLabels())) {
          return false;
        }
        b.dbl(p.getValue());
        b.newline();
      }
    } else if (s instanceof GaugeSnapshot gauge) {
      b.raw(header(s, "gauge"));
      for (GaugeDataPointSnapshot p : gauge.getDataPoints()) {
        if (p.hasScrapeTimestamp() || !b.nameAndLabels(name, null, p.getLabels())) {
          return false;
        }
        b.dbl(p.getValue());
        b.newline();
      }
    } else if (s instanceof UnknownSnapshot unknown) {
      b.raw(header(s, "unknown"));
      for (UnknownDataPointSnapshot p : unknown.getDataPoints()) {
        if (p.hasScrapeTimestamp() || !b.nameAndLabels(name, null, p.getLabels())) {
          return false;
        }
        b.dbl(p.getValue());
        b.newline();
      }
    } else if (s instanceof InfoSnapshot info) {
      if (!sameSampleName(s.getMetadata(), "_info")) {
        return false;
      }
      b.raw(header(s, "info"));
      for (InfoDataPointSnapshot p : info.getDataPoints()) {
        if (p.hasScrapeTimestamp() || !b.nameAndLabels(name, "_info", p.getLabels())) {
          return false;
        }
        b.ascii("1");
        b.newline();
      }
    } else if (s instanceof SummarySnapshot summary) {
      return writeSummary(b, summary, name);
    } else {
      return false; // a snapshot type client_java may add later
    }
    return true;
  }

  private boolean writeSummary(Bytes b, SummarySnapshot summary, String name) throws IOException {
    boolean headerWritten = false;
    for (SummaryDataPointSnapshot p : summary.getDataPoints()) {
      if (p.hasScrapeTimestamp() || p.getQuantiles().size() > 0 || p.getExemplars().size() > 0) {
        return false;
      }
      if (!p.hasCount() && !p.hasSum()) {
        continue; // nothing to write for this point
      }
      if (!headerWritten) {
        b.raw(header(summary, "summary"));
        headerWritten = true;
      }
      if (p.hasCount()) {
        if (!b.nameAndLabels(name, "_count", p.getLabels())) {
          return false;
        }
        b.ascii(Long.toString(p.getCount()));
        b.newline();
      }
      if (p.hasSum()) {
        b.nameAndLabels(name, "_sum", p.getLabels());
        b.dbl(p.getSum());
        b.newline();
      }
    }
    return true;
  }

  /** The family's metadata lines as client_java writes them, rendered by client_java once per family. */
  private byte[] header(MetricSnapshot s, String type) {
    MetricMetadata m = s.getMetadata();
    Header h = headers.get(m.getName());
    if (h == null || !h.matches(type, m)) {
      h = new Header(type, m.getHelp(), m.getUnit(), renderHeader(m, type));
      if (headers.size() >= MAX_HEADERS) {
        headers.clear();
      }
      headers.put(m.getName(), h);
    }
    return h.bytes();
  }

  /**
   * The metadata lines as client_java 1.9 writes them for a classic name: {@code # TYPE}, then {@code # UNIT} when
   * there is a unit, then {@code # HELP} when the help is not empty; unit and help escaped like label values.
   */
  private static byte[] renderHeader(MetricMetadata m, String type) {
    Bytes b = new Bytes();
    b.ascii("# TYPE ");
    b.ascii(m.getName());
    b.put(' ');
    b.ascii(type);
    b.newline();
    if (m.getUnit() != null) {
      b.ascii("# UNIT ");
      b.ascii(m.getName());
      b.put(' ');
      b.escaped(m.getUnit().toString());
      b.newline();
    }
    if (m.getHelp() != null && !m.getHelp().isEmpty()) {
      b.ascii("# HELP ");
      b.ascii(m.getName());
      b.put(' ');
      b.escaped(m.getHelp());
      b.newline();
    }
    return java.util.Arrays.copyOf(b.buf, b.len);
  }

  /**
   * Whether client_java names this family's samples {@code name + suffix} too: it uses the name the family was
   * registered under when that already ends with the suffix ({@code jvm_runtime_info}), which is the same string
   * except for odd registrations.
   */
  private static boolean sameSampleName(MetricMetadata m, String suffix) {
    String base = m.getExpositionBaseName();
    return base == null || base.equals(m.getName()) || !base.endsWith(suffix)
        || base.length() == m.getName().length() + suffix.length() && base.startsWith(m.getName());
  }

  /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}: written as is, never quoted or escaped. */
  static boolean isClassicName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * A growable byte buffer for the response, written to the output stream once at the end: the stream's methods are
   * synchronized, and a lock per byte written cost as much as the formatting.
   */
  private static final class Bytes {
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private byte[] buf = new byte[64 * 1024];
    private int len;
    private String lastClassicLabelName;

    void raw(byte[] bytes) {
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, len, bytes.length);
      len += bytes.length;
    }

    void put(char c) {
      ensure(1);
      buf[len++] = (byte) c;
    }

    void newline() {
      put('\n');
    }

    /**
     * {@code name[suffix]{label="value",...} } (with the trailing space); false when a label name is outside the
     * classic characters (client_java would quote it).
     */
    boolean nameAndLabels(String name, String suffix, Labels labels) {
      ascii(name);
      if (suffix != null) {
        ascii(suffix);
      }
      if (!labels.isEmpty()) {
        put('{');
        for (int i = 0; i < labels.size(); i++) {
          if (i > 0) {
            put(',');
          }
          String labelName = labels.getName(i);
          if (!classicLabelName(labelName)) {
            return false;
          }
          ascii(labelName);
          put('=');
          put('"');
          escaped(labels.getValue(i));
          put('"');
        }
        put('}');
      }
      put(' ');
      return true;
    }

    /**
     * A label name client_java writes unquoted. A family's points share the same few label-name strings, so the
     * last one accepted is remembered by identity and not checked again character by character.
     */
    private boolean classicLabelName(String labelName) {
      if (labelName == lastClassicLabelName) {
        return true;
      }
      if (!isClassicName(labelName) || labelName.indexOf(':') >= 0) {
        return false;
      }
      lastClassicLabelName = labelName;
      return true;
    }

    /**
     * client_java's value format: {@code +Inf}, {@code -Inf}, else {@link Double#toString(double)}; whole numbers
     * below 10^7 (most samples: counts, states, small counters) written from their digits, which is what
     * {@code Double.toString} writes for them ({@code 42.0}) without its allocation and formatting work.
     */
    void dbl(double v) {
      if (v == Double.POSITIVE_INFINITY) {
        ascii("+Inf");
      } else if (v == Double.NEGATIVE_INFINITY) {
        ascii("-Inf");
      } else if (v > -1e7 && v < 1e7 && v == (long) v && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO) {
        wholeNumber((long) v);
      } else {
        ascii(Double.toString(v));
      }
    }

    private void wholeNumber(long n) {
      ensure(11);
      if (n < 0) {
        buf[len++] = '-';
        n = -n;
      }
      int digits = 1;
      for (long rest = n / 10; rest > 0; rest /= 10) {
        digits++;
      }
      for (int i = len + digits - 1; i >= len; i--) {
        buf[i] = (byte) ('0' + n % 10);
        n /= 10;
      }
      len += digits;
      buf[len++] = '.';
      buf[len++] = '0';
    }

    /** A string known to be ASCII (names, numbers): its bytes copied as they are. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly "low byte of each char"
    void ascii(String s) {
      int n = s.length();
      ensure(n);
      s.getBytes(0, n, buf, len);
      len += n;
    }

    /**
     * A label value: backslash, double quote and newline escaped, UTF-8 as client_java writes it. Escaping the UTF-8
     * bytes is the same as escaping the characters, since those three are ASCII and never occur inside a multi-byte
     * sequence.
     */
    void escaped(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      ensure(2 * utf8.length);
      for (byte c : utf8) {
        if (c == '\\' || c == '"') {
          buf[len++] = '\\';
          buf[len++] = c;
        } else if (c == '\n') {
          buf[len++] = '\\';
          buf[len++] = 'n';
        } else {
          buf[len++] = c;
        }
      }
    }

    private void ensure(int more) {
      if (len + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(len + more, buf.length * 2));
      }
    }
  }
}
