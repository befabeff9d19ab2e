package io.vigil.instrumentation;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A real Javalin server on a free loopback port with the plugin registered, and a client for it. */
final class TestApp implements AutoCloseable {

  final PrometheusRegistry registry = new PrometheusRegistry();
  final Javalin app;
  final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private TestApp(Consumer<HttpMetricsConfig> metrics, Consumer<JavalinConfig> routes) {
    app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.startupWatcherEnabled = false;
      cfg.registerPlugin(new HttpMetricsPlugin(m -> {
        m.registry = registry;
        metrics.accept(m);
      }));
      routes.accept(cfg);
    }).start("127.0.0.1", 0);
  }

  static TestApp start(Consumer<JavalinConfig> routes) {
    return new TestApp(m -> { }, routes);
  }

  static TestApp start(Consumer<HttpMetricsConfig> metrics, Consumer<JavalinConfig> routes) {
    return new TestApp(metrics, routes);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The registry in the text format. */
  String text() {
    return write(false);
  }

  /** The registry in OpenMetrics, which carries exemplars. */
  String openMetrics() {
    return write(true);
  }

  private String write(boolean openMetrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (openMetrics) {
        new OpenMetricsTextFormatWriter(false, false).write(out, registry.scrape());
      } else {
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Sample lines of the text format whose series starts with {@code prefix}. */
  List<String> samples(String prefix) {
    return text().lines().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
  }

  /**
   * The value of one series, e.g. {@code http_server_request_duration_seconds_count{...}}, waiting up to 5 s for it
   * to satisfy {@code until}: Jetty completes (and the plugin records) a request just after the client has read it.
   */
  double await(String series, Predicate<Double> until) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Double value = null;
    while (System.nanoTime() < deadline) {
      value = value(series);
      if (value != null && until.test(value)) {
        return value;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("series " + series + " = " + value + " did not reach the expected value; scrape:\n"
        + text());
  }

  Double value(String series) {
    for (String line : text().lines().collect(Collectors.toList())) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return null;
  }

  @Override
  public void close() {
    app.stop();
  }
}
