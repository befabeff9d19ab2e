package io.vigil.bench.harness;

/**
 * Scrapes one running exporter N times with Prometheus' headers, for profiling it (JFR, async-profiler):
 * {@code java -cp bench/target/vigil-bench.jar io.vigil.bench.harness.Load PORT [SCRAPES] [CLIENTS] [PATH]}, PATH
 * defaulting to {@code /metrics} (e.g. {@code /metrics?collect[]=cpu} to time one collector). Loopback only.
 */
public final class Load {

  private Load() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int scrapes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String path = args.length > 3 ? args[3] : "/metrics";
    Thread[] threads = new Thread[clients];
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      threads[c] = new Thread(() -> {
        try (HttpScraper s = new HttpScraper("127.0.0.1", port, path, true, 10)) {
          for (int i = 0; i < scrapes / clients; i++) {
            s.scrape();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    System.err.printf("%d scrapes in %.1f s%n", scrapes, (System.nanoTime() - t0) / 1e9);
  }
}
