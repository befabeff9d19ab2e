package io.vigil.demo;

import io.vigil.instrumentation.DbClientTimer;
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the shop's SQL database: in-memory tables, a log-normal latency per statement, and a rare transient
 * failure on inserts; every call is timed with {@link DbClientTimer}. Thread-safe.
 */
final class SimulatedDatabase {

  static final int PRODUCTS = 200;

  private static final Latency SELECT_ONE = new Latency(8, 60);
  private static final Latency SELECT_MANY = new Latency(25, 150);
  private static final Latency INSERT = new Latency(40, 250);
  /** Share of inserts that fail like a serialization conflict would. */
  private static final double INSERT_FAILURE_RATIO = 0.005;

  private final DbClientTimer timer;
  private final Map<Long, String> orders = new ConcurrentHashMap<>();
  private final AtomicLong nextOrderId = new AtomicLong(1);

  SimulatedDatabase(DbClientTimer timer) {
    this.timer = timer;
  }

  Optional<String> product(long id) {
    return timer.time("SELECT", "products", () -> {
      Latency.sleep(SELECT_ONE.sampleMillis(random()));
      return id >= 1 && id <= PRODUCTS ? Optional.of("product " + id) : Optional.<String>empty();
    });
  }

  String productList() {
    return timer.time("SELECT", "products", () -> {
      Latency.sleep(SELECT_MANY.sampleMillis(random()));
      return PRODUCTS + " products";
    });
  }

  long insertOrder(String item) throws SQLTransientException {
    return timer.time("INSERT", "orders", () -> {
      Latency.sleep(INSERT.sampleMillis(random()));
      if (random().nextDouble() < INSERT_FAILURE_RATIO) {
        throw new SQLTransientException("could not serialize access due to concurrent update");
      }
      long id = nextOrderId.getAndIncrement();
      orders.put(id, item);
      return id;
    });
  }

  Optional<String> order(long id) {
    return timer.time("SELECT", "orders", () -> {
      Latency.sleep(SELECT_ONE.sampleMillis(random()));
      return Optional.ofNullable(orders.get(id));
    });
  }

  private static Random random() {
    return ThreadLocalRandom.current();
  }
}
