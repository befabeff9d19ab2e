package io.vigil.demo;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigil.instrumentation.CacheMetrics;
import io.vigil.instrumentation.DbClientTimer;
import io.vigil.instrumentation.HttpMetricsPlugin;
import java.sql.SQLException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo shop: a few routes with different latency profiles over a simulated database and a product cache, some
 * client and server errors, instrumented with {@link HttpMetricsPlugin}, plus an admin switch to inject latency or
 * errors on a route.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>behaviour</th></tr>
 *   <tr><td>GET /api/products</td><td>fast: handler ~3 ms, list from the database (median 25 ms)</td></tr>
 *   <tr><td>GET /api/products/{id}</td><td>cache, else database (median 8 ms); 404 above id 200</td></tr>
 *   <tr><td>POST /api/orders</td><td>database insert (median 40 ms); 0.5 % fail with a 500</td></tr>
 *   <tr><td>GET /api/orders/{id}</td><td>database select; 404 for unknown orders</td></tr>
 *   <tr><td>GET /api/search</td><td>the slow one: median 120 ms, p99 900 ms</td></tr>
 *   <tr><td>GET /api/recommendations</td><td>median 40 ms, p99 200 ms</td></tr>
 *   <tr><td>GET /api/delay/{millis}</td><td>exactly that long (max 10 s); {@code ?status=} picks the answer</td></tr>
 *   <tr><td>GET /health</td><td>"ok", not recorded</td></tr>
 *   <tr><td>GET|POST|DELETE /admin/faults</td><td>show, set ({@code route, latency_ms, error_ratio}) or clear</td></tr>
 * </table>
 */
final class ShopService implements AutoCloseable {

  private static final Latency SEARCH = new Latency(120, 900);
  private static final Latency RECOMMENDATIONS = new Latency(40, 200);
  private static final Latency HANDLER = new Latency(3, 15);

  final PrometheusRegistry registry = new PrometheusRegistry();
  final Faults faults = new Faults();
  private final SimulatedDatabase database;
  private final ProductCache cache;
  private final Javalin app;

  private ShopService(String host, int port) {
    this.database = new SimulatedDatabase(DbClientTimer.register(registry, "other_sql"));
    this.cache = new ProductCache(CacheMetrics.register(registry).cache("products"), 60);
    this.app = Javalin.create(this::configure);
    if (host == null) {
      app.start(port);
    } else {
      app.start(host, port);
    }
  }

  /** Starts the shop on {@code host:port} (host null: all interfaces; port 0: any free port). */
  static ShopService start(String host, int port) {
    return new ShopService(host, port);
  }

  int port() {
    return app.port();
  }

  private void configure(JavalinConfig cfg) {
    cfg.startup.showJavalinBanner = false;
    cfg.registerPlugin(new HttpMetricsPlugin(metrics -> {
      metrics.registry = registry;
      metrics.metricsPath = "/metrics";
      metrics.excludedRoutes.add("/health");
    }));
    shop(cfg, "GET", "/api/products", ctx -> {
      Latency.sleep(HANDLER.sampleMillis(random()));
      ctx.result(database.productList());
    });
    shop(cfg, "GET", "/api/products/{id}", ctx -> {
      long id = ctx.pathParamAsClass("id", Long.class).get();
      String product = cache.get(id).orElse(null);
      if (product == null) {
        product = database.product(id).orElse(null);
        if (product == null) {
          ctx.status(HttpStatus.NOT_FOUND).result("no product " + id);
          return;
        }
        cache.put(id, product);
      }
      ctx.result(product);
    });
    shop(cfg, "POST", "/api/orders", ctx -> {
      long id = database.insertOrder(ctx.queryParam("item") == null ? "item" : ctx.queryParam("item"));
      ctx.status(HttpStatus.CREATED).result("order " + id);
    });
    shop(cfg, "GET", "/api/orders/{id}", ctx -> {
      long id = ctx.pathParamAsClass("id", Long.class).get();
      database.order(id).ifPresentOrElse(ctx::result,
          () -> ctx.status(HttpStatus.NOT_FOUND).result("no order " + id));
    });
    shop(cfg, "GET", "/api/search", ctx -> {
      Latency.sleep(SEARCH.sampleMillis(random()));
      ctx.result("results for " + ctx.queryParam("q"));
    });
    shop(cfg, "GET", "/api/recommendations", ctx -> {
      Latency.sleep(RECOMMENDATIONS.sampleMillis(random()));
      ctx.result("recommended: product 7");
    });
    shop(cfg, "GET", "/api/delay/{millis}", ctx -> {
      long millis = Math.min(10_000, Math.max(0, ctx.pathParamAsClass("millis", Long.class).get()));
      int status = ctx.queryParamAsClass("status", Integer.class).getOrDefault(200);
      Latency.sleep(millis);
      ctx.status(status).result("waited " + millis + " ms");
    });
    cfg.routes.get("/health", ctx -> ctx.result("ok"));
    cfg.routes.get("/admin/faults", ctx -> ctx.result(describe(faults.current())));
    cfg.routes.post("/admin/faults", this::setFault);
    cfg.routes.delete("/admin/faults", ctx -> {
      String route = ctx.queryParam("route");
      if (route == null) {
        faults.clearAll();
      } else {
        faults.clear(route);
      }
      ctx.result(describe(faults.current()));
    });
    cfg.routes.exception(Faults.InjectedFailure.class,
        (e, ctx) -> ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result(e.getMessage()));
    // Javalin's default answer to a bad parameter is JSON, and the demo has no JSON mapper: answer in plain text.
    cfg.routes.exception(ValidationException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
        .result("invalid parameter(s): " + String.join(", ", e.getErrors().keySet())));
    cfg.routes.exception(SQLException.class,
        (e, ctx) -> ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("database error: " + e.getMessage()));
  }

  /** A shop route: the admin switch's faults apply before its handler. */
  private void shop(JavalinConfig cfg, String method, String route, Handler handler) {
    Handler withFaults = ctx -> {
      faults.apply(route, random());
      handler.handle(ctx);
    };
    switch (method) {
      case "GET" -> cfg.routes.get(route, withFaults);
      case "POST" -> cfg.routes.post(route, withFaults);
      default -> throw new IllegalArgumentException(method);
    }
  }

  private void setFault(Context ctx) {
    String route = ctx.queryParam("route");
    if (route == null || route.isBlank()) {
      ctx.status(HttpStatus.BAD_REQUEST).result("route is required: a route template such as /api/orders, or *");
      return;
    }
    try {
      long latency = ctx.queryParamAsClass("latency_ms", Long.class).getOrDefault(0L);
      double errors = ctx.queryParamAsClass("error_ratio", Double.class).getOrDefault(0.0);
      faults.set(route, new Faults.Fault(latency, errors));
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST).result(e.getMessage());
      return;
    }
    ctx.result(describe(faults.current()));
  }

  private static String describe(Map<String, Faults.Fault> current) {
    if (current.isEmpty()) {
      return "no faults injected\n";
    }
    StringBuilder b = new StringBuilder();
    current.forEach((route, f) -> b.append(route).append(": latency_ms=").append(f.latencyMillis())
        .append(" error_ratio=").append(f.errorRatio()).append('\n'));
    return b.toString();
  }

  private static Random random() {
    return ThreadLocalRandom.current();
  }

  @Override
  public void close() {
    app.stop();
  }
}
