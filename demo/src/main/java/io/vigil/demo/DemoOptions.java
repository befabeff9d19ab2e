package io.vigil.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo's settings, from flags (which win) and environment variables.
 *
 * <pre>
 * --web.listen-address=[HOST]:PORT   VIGIL_DEMO_LISTEN_ADDRESS   default :8080 (all interfaces)
 * --traffic.enabled=true|false       VIGIL_DEMO_TRAFFIC          default true
 * --traffic.rate=REQUESTS_PER_SECOND VIGIL_DEMO_TRAFFIC_RATE     default 5
 * </pre>
 *
 * @param host address to bind, or null for all interfaces
 * @param port TCP port, 0 for any free one
 * @param trafficEnabled whether the built-in traffic generator runs
 * @param trafficRate the generator's requests per second
 */
record DemoOptions(String host, int port, boolean trafficEnabled, double trafficRate) {

  static final String USAGE = """
      Usage: vigil-demo [flags]
        --web.listen-address=[HOST]:PORT    where to serve (env VIGIL_DEMO_LISTEN_ADDRESS, default :8080)
        --traffic.enabled=true|false        run the built-in traffic generator (env VIGIL_DEMO_TRAFFIC, default true)
        --traffic.rate=N                    generator requests per second (env VIGIL_DEMO_TRAFFIC_RATE, default 5)
        --help                              this text
      Endpoints: /api/... (the shop), /metrics, /health, /admin/faults (latency and error injection).""";

  DemoOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    if (!(trafficRate > 0) || trafficRate > 1000) {
      throw new IllegalArgumentException("--traffic.rate must be above 0 and at most 1000 requests per second: "
          + trafficRate);
    }
  }

  /** Parses flags over environment variables; throws IllegalArgumentException naming the bad flag or variable. */
  static DemoOptions parse(List<String> args, Map<String, String> env) {
    String listen = env.getOrDefault("VIGIL_DEMO_LISTEN_ADDRESS", ":8080");
    String traffic = env.getOrDefault("VIGIL_DEMO_TRAFFIC", "true");
    String rate = env.getOrDefault("VIGIL_DEMO_TRAFFIC_RATE", "5");
    for (String arg : args) {
      if (arg.startsWith("--web.listen-address=")) {
        listen = value(arg);
      } else if (arg.startsWith("--traffic.enabled=")) {
        traffic = value(arg);
      } else if (arg.equals("--no-traffic")) {
        traffic = "false";
      } else if (arg.startsWith("--traffic.rate=")) {
        rate = value(arg);
      } else {
        throw new IllegalArgumentException("unknown flag " + arg + "\n" + USAGE);
      }
    }
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("listen address must be [HOST]:PORT: " + listen);
    }
    String host = colon == 0 ? null : listen.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("listen address must end in a port number: " + listen);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("listen address port must be 0-65535: " + listen);
    }
    if (!traffic.equals("true") && !traffic.equals("false")) {
      throw new IllegalArgumentException("traffic enabled must be true or false: " + traffic);
    }
    double requestsPerSecond;
    try {
      requestsPerSecond = Double.parseDouble(rate);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("traffic rate must be a number of requests per second: " + rate);
    }
    return new DemoOptions(host, port, Boolean.parseBoolean(traffic), requestsPerSecond);
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }
}
