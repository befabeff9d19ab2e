package io.vigil.exporter.testing;

/**
 * A test process with known use: {@code Burner <tag> <MiB> <cpuMillis>} touches MiB of heap (kept live), burns about
 * cpuMillis of CPU, prints {@code ready}, then sleeps until killed. The tag makes its command line unique.
 */
public final class Burner {

  private Burner() {}

  public static void main(String[] args) throws Exception {
    int mib = Integer.parseInt(args[1]);
    long cpuNanos = Long.parseLong(args[2]) * 1_000_000;
    byte[][] memory = new byte[mib][];
    for (int i = 0; i < mib; i++) {
      memory[i] = new byte[1 << 20];
      for (int j = 0; j < memory[i].length; j += 4096) {
        memory[i][j] = 1; // touch every page so it is resident
      }
    }
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    while (threads.getCurrentThreadCpuTime() < cpuNanos) {
      for (int i = 0; i < 100_000; i++) {
        sink += i * 31L ^ sink;
      }
    }
    System.out.println("ready " + (sink == 42 ? "" : memory.length));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
