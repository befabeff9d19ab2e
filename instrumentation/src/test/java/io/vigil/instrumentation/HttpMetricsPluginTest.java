package io.vigil.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpMetricsPluginTest {

  private static final String COUNT = "http_server_request_duration_seconds_count";

  private static String count(String method, String status, String route) {
    return COUNT + "{http_request_method=\"" + method + "\",http_response_status_code=\"" + status
        + "\",http_route=\"" + route + "\"}";
  }

  @Test
  void labelsRequestsWithTheMatchedRouteTemplateNotTheRawPath() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/orders/{id}", ctx -> ctx.result("order"))
        .post("/orders", ctx -> ctx.status(HttpStatus.CREATED)))) {
      t.get("/orders/41");
      t.get("/orders/42");
      t.send(HttpRequest.newBuilder(t.uri("/orders")).POST(HttpRequest.BodyPublishers.noBody()).build());

      t.await(count("GET", "200", "/orders/{id}"), v -> v == 2);
      t.await(count("POST", "201", "/orders"), v -> v == 1);
      assertThat(t.text()).doesNotContain("/orders/41").doesNotContain("/orders/42");
    }
  }

  @Test
  void foldsUnmatchedRequestsAndTheirRedirectsIntoFixedRoutes() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/new", ctx -> ctx.result("new"))
        .before("/old/{page}", ctx -> ctx.redirect("/new")))) {
      assertThat(t.get("/no/such/page").statusCode()).isEqualTo(404);
      assertThat(t.get("/old/page").statusCode()).isEqualTo(302);

      t.await(count("GET", "404", "UNMATCHED"), v -> v == 1);
      t.await(count("GET", "302", "REDIRECTION"), v -> v == 1);
    }
  }

  @Test
  void usesTheConfiguredValuesForUnmatchedRoutes() {
    try (TestApp t = TestApp.start(m -> m.unmatchedRoute = "NOT_FOUND", cfg -> { })) {
      t.get("/missing");

      t.await(count("GET", "404", "NOT_FOUND"), v -> v == 1);
    }
  }

  @Test
  void countsAnUncaughtExceptionAsA500OfItsRoute() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/boom/{id}", ctx -> {
      throw new IllegalStateException("boom");
    }))) {
      assertThat(t.get("/boom/1").statusCode()).isEqualTo(500);

      t.await(count("GET", "500", "/boom/{id}"), v -> v == 1);
    }
  }

  @Test
  void recordsTheStatusAnExceptionHandlerChose() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes
        .get("/items/{id}", ctx -> {
          throw new IllegalArgumentException("bad id");
        })
        .exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(422).result(e.getMessage())))) {
      assertThat(t.get("/items/x").statusCode()).isEqualTo(422);

      t.await(count("GET", "422", "/items/{id}"), v -> v == 1);
    }
  }

  @Test
  void recordsAsyncHandlersWhenTheirFutureCompletes() {
    CompletableFuture<String> result = new CompletableFuture<>();
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/async", ctx -> ctx.future(() -> result.thenAccept(ctx::result))))) {
      CompletableFuture<HttpResponse<String>> response = t.client.sendAsync(
          HttpRequest.newBuilder(t.uri("/async")).build(), HttpResponse.BodyHandlers.ofString());
      t.await("http_server_active_requests{http_request_method=\"GET\"}", v -> v == 1);
      assertThat(t.value(count("GET", "200", "/async"))).isNull();

      result.complete("done");

      assertThat(response.join().body()).isEqualTo("done");
      t.await(count("GET", "200", "/async"), v -> v == 1);
      t.await("http_server_active_requests{http_request_method=\"GET\"}", v -> v == 0);
    }
  }

  @Test
  void countsActiveRequestsWhileTheyRun() throws Exception {
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/slow", ctx -> {
      entered.countDown();
      release.await(10, TimeUnit.SECONDS);
      ctx.result("slow");
    }))) {
      var first = t.client.sendAsync(HttpRequest.newBuilder(t.uri("/slow")).build(),
          HttpResponse.BodyHandlers.ofString());
      var second = t.client.sendAsync(HttpRequest.newBuilder(t.uri("/slow")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(t.value("http_server_active_requests{http_request_method=\"GET\"}")).isEqualTo(2);

      release.countDown();
      first.join();
      second.join();

      t.await("http_server_active_requests{http_request_method=\"GET\"}", v -> v == 0);
    }
  }

  @Test
  void foldsUnknownMethodsIntoOther() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/", ctx -> ctx.result("home")))) {
      t.send(HttpRequest.newBuilder(t.uri("/")).method("PURGE", HttpRequest.BodyPublishers.noBody()).build());
      t.send(HttpRequest.newBuilder(t.uri("/")).method("BREW", HttpRequest.BodyPublishers.noBody()).build());

      t.await(count("_OTHER", "404", "UNMATCHED"), v -> v == 2);
      assertThat(t.text()).doesNotContain("PURGE").doesNotContain("BREW");
    }
  }

  @Test
  void keepsLabelCardinalityBoundedUnderRandomPathsAndMethods() {
    Random random = new Random(7);
    String[] methods = {"GET", "POST", "FOO", "BAR", "DELETE", "X" + random.nextInt()};
    try (TestApp t = TestApp.start(cfg -> cfg.routes
        .get("/users/{id}", ctx -> ctx.result("user"))
        .get("/users/{id}/orders/{order}", ctx -> ctx.result("order")))) {
      int requests = 300;
      for (int i = 0; i < requests; i++) {
        String path = switch (i % 3) {
          case 0 -> "/users/" + random.nextLong();
          case 1 -> "/users/" + random.nextInt() + "/orders/" + random.nextInt();
          default -> "/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt();
        };
        String method = methods[random.nextInt(methods.length)];
        t.send(HttpRequest.newBuilder(t.uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build());
      }

      t.await("http_server_active_requests{http_request_method=\"GET\"}", v -> v == 0);
      // The last request (any method) may still be recording after its response arrived: poll for the total.
      long recorded = 0;
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        recorded = t.samples(COUNT).stream()
            .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        if (recorded >= requests) {
          break;
        }
        Thread.onSpinWait();
      }
      assertThat(recorded).isEqualTo(requests);
      Set<String> routes = labelValues(t.text(), "http_route");
      Set<String> methodLabels = labelValues(t.text(), "http_request_method");
      assertThat(routes).isSubsetOf("/users/{id}", "/users/{id}/orders/{order}", "UNMATCHED");
      assertThat(methodLabels).isSubsetOf("GET", "POST", "DELETE", "_OTHER");
      assertThat(t.samples(COUNT)).hasSizeLessThanOrEqualTo(3 * 4 * 3);
    }
  }

  @Test
  void putsTheIncomingTraceparentIdsOnTheExemplar() {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String span = "00f067aa0ba902b7";
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/traced", ctx -> ctx.result("ok")))) {
      HttpResponse<String> response = t.send(HttpRequest.newBuilder(t.uri("/traced"))
          .header("traceparent", "00-" + trace + "-" + span + "-01").build());

      assertThat(response.headers().firstValue("traceparent")).isEmpty();
      t.await(count("GET", "200", "/traced"), v -> v == 1);
      assertThat(exemplars(t.openMetrics(), "/traced"))
          .containsExactly("span_id=\"" + span + "\",trace_id=\"" + trace + "\"");
    }
  }

  @Test
  void createsIdsForAnUntracedRequestAndReturnsThemInTheResponse() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/untraced", ctx -> ctx.result("ok")))) {
      HttpResponse<String> response = t.send(HttpRequest.newBuilder(t.uri("/untraced"))
          .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01").build());

      TraceParent returned = TraceParent.parse(response.headers().firstValue("traceparent").orElseThrow())
          .orElseThrow();
      t.await(count("GET", "200", "/untraced"), v -> v == 1);
      assertThat(exemplars(t.openMetrics(), "/untraced"))
          .containsExactly("span_id=\"" + returned.spanId() + "\",trace_id=\"" + returned.traceId() + "\"");
      assertThat(t.text()).doesNotContain("trace_id");
    }
  }

  @Test
  void addsNoExemplarWithoutTraceparentWhenIdCreationIsOff() {
    try (TestApp t = TestApp.start(m -> m.createTraceIds = false,
        cfg -> cfg.routes.get("/untraced", ctx -> ctx.result("ok")))) {
      HttpResponse<String> response = t.get("/untraced");

      assertThat(response.headers().firstValue("traceparent")).isEmpty();
      t.await(count("GET", "200", "/untraced"), v -> v == 1);
      assertThat(exemplars(t.openMetrics(), "/untraced")).isEmpty();
    }
  }

  @Test
  void letsHandlersReadTheRequestTraceparent() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/trace", ctx -> ctx.result(
        ((TraceParent) ctx.attribute(TraceParent.REQUEST_ATTRIBUTE)).traceId())))) {
      HttpResponse<String> response = t.get("/trace");

      assertThat(response.headers().firstValue("traceparent").orElseThrow()).contains(response.body());
    }
  }

  @Test
  void placesTheApdexTargetAndFourTimesItAmongTheBuckets() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.get("/", ctx -> ctx.result("home")))) {
      t.get("/");

      t.await(count("GET", "200", "/"), v -> v == 1);
      assertThat(bucketBounds(t.text())).containsExactly("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25",
          "0.3", "0.5", "0.75", "1.0", "1.2", "2.5", "5.0", "7.5", "10.0", "+Inf");
    }
    try (TestApp t = TestApp.start(m -> {
      m.apdexTargetSeconds = 0.4;
      m.durationBuckets = new double[] {0.1, 1};
    }, cfg -> cfg.routes.get("/", ctx -> ctx.result("home")))) {
      t.get("/");

      t.await(count("GET", "200", "/"), v -> v == 1);
      assertThat(bucketBounds(t.text())).containsExactly("0.1", "0.4", "1.0", "1.6", "+Inf");
    }
  }

  @Test
  void recordsRequestAndResponseBodySizes() {
    try (TestApp t = TestApp.start(cfg -> cfg.routes.post("/echo", ctx -> ctx.result(ctx.body() + ctx.body())))) {
      t.send(HttpRequest.newBuilder(t.uri("/echo")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(1234)))
          .build());

      String labels = "{http_request_method=\"POST\",http_response_status_code=\"200\",http_route=\"/echo\"}";
      t.await("http_server_request_body_size_bytes_sum" + labels, v -> v == 1234);
      t.await("http_server_response_body_size_bytes_sum" + labels, v -> v == 2468);
    }
  }

  @Test
  void servesTheRegistryWithJvmMetricsAndLeavesScrapesOutOfTheRequestMetrics() {
    try (TestApp t = TestApp.start(m -> m.metricsPath = "/metrics",
        cfg -> cfg.routes.get("/", ctx -> ctx.result("home")))) {
      t.get("/");
      t.await(count("GET", "200", "/"), v -> v == 1);

      HttpResponse<String> text = t.get("/metrics");
      HttpResponse<String> openMetrics = t.send(HttpRequest.newBuilder(t.uri("/metrics"))
          .header("Accept", "application/openmetrics-text; version=1.0.0").build());
      HttpResponse<String> filtered = t.get("/metrics?name[]=http_server_active_requests");

      assertThat(text.statusCode()).isEqualTo(200);
      assertThat(text.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain; version=0.0.4");
      assertThat(text.body()).contains("jvm_memory_used_bytes{area=\"heap\"}", "process_cpu_seconds_total",
          count("GET", "200", "/"));
      assertThat(openMetrics.headers().firstValue("content-type").orElseThrow())
          .startsWith("application/openmetrics-text");
      assertThat(openMetrics.body()).contains("# UNIT http_server_request_duration_seconds seconds").endsWith("# EOF\n");
      assertThat(filtered.body()).contains("http_server_active_requests").doesNotContain("jvm_");
      t.await("http_server_active_requests{http_request_method=\"GET\"}", v -> v == 0);
      assertThat(t.text()).doesNotContain("http_route=\"/metrics\"");
    }
  }

  @Test
  void servesGzipWhenTheScraperAcceptsIt() throws Exception {
    try (TestApp t = TestApp.start(m -> m.metricsPath = "/metrics", cfg -> { })) {
      HttpResponse<byte[]> response = t.client.send(HttpRequest.newBuilder(t.uri("/metrics"))
          .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
      String body = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(body).contains("# TYPE http_server_active_requests gauge");
    }
  }

  @Test
  void leavesExcludedRoutesUnrecorded() {
    try (TestApp t = TestApp.start(m -> m.excludedRoutes.add("/health"), cfg -> cfg.routes
        .get("/health", ctx -> ctx.result("ok"))
        .get("/", ctx -> ctx.result("home")))) {
      t.get("/health");
      t.get("/");

      t.await(count("GET", "200", "/"), v -> v == 1);
      assertThat(t.text()).doesNotContain("/health");
    }
  }

  @Test
  void refusesToStartWithoutARegistry() {
    assertThatThrownBy(() -> Javalin.create(cfg -> {
      cfg.startup.startupWatcherEnabled = false;
      cfg.registerPlugin(new HttpMetricsPlugin(m -> { }));
    }))
        .hasStackTraceContaining("set HttpMetricsConfig.registry");
  }

  @Test
  void refusesASecondPluginOnTheSameRegistry() {
    var registry = new io.prometheus.metrics.model.registry.PrometheusRegistry();
    Javalin.create(cfg -> {
      cfg.startup.startupWatcherEnabled = false;
      cfg.registerPlugin(new HttpMetricsPlugin(m -> m.registry = registry));
    });

    assertThatThrownBy(() -> Javalin.create(cfg -> {
      cfg.startup.startupWatcherEnabled = false;
      cfg.registerPlugin(new HttpMetricsPlugin(m -> m.registry = registry));
    }))
        .hasStackTraceContaining("http_server_request_duration_seconds");
  }

  private static Set<String> labelValues(String text, String label) {
    Matcher m = Pattern.compile(label + "=\"([^\"]*)\"").matcher(text);
    return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
  }

  private static java.util.List<String> bucketBounds(String text) {
    return text.lines()
        .filter(l -> l.startsWith("http_server_request_duration_seconds_bucket"))
        .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
        .collect(Collectors.toList());
  }

  /** The exemplar label sets on the duration buckets of one route, from OpenMetrics output. */
  private static java.util.List<String> exemplars(String openMetrics, String route) {
    return openMetrics.lines()
        .filter(l -> l.startsWith("http_server_request_duration_seconds_bucket"))
        .filter(l -> l.contains("http_route=\"" + route + "\""))
        .filter(l -> l.contains(" # {"))
        .map(l -> l.replaceAll(".* # \\{([^}]*)\\}.*", "$1"))
        .collect(Collectors.toList());
  }
}
