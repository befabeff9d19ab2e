package io.vigil.demo;

import java.util.List;

/** Entry point of {@code vigil-demo.jar}: the shop, its metrics, and (unless turned off) its traffic generator. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(List.of(args), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("vigil-demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    ShopService shop = ShopService.start(options.host(), options.port());
    TrafficGenerator traffic = options.trafficEnabled()
        ? TrafficGenerator.start(shop.port(), options.trafficRate())
        : null;
    System.out.println("vigil-demo: serving on port " + shop.port() + (traffic == null
        ? ", traffic generator off"
        : ", traffic generator at " + options.trafficRate() + " requests/s"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (traffic != null) {
        traffic.close();
      }
      shop.close();
    }, "vigil-demo-shutdown"));
    // Jetty's threads are not daemons: the JVM keeps serving after main returns.
  }
}
