package io.vigil.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DbClientTimerTest {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final DbClientTimer db = DbClientTimer.register(registry, "postgresql");

  @Test
  void timesACallAndReturnsItsResult() {
    String result = db.time("SELECT", "orders", () -> "row");
    db.run("INSERT", "orders", () -> { });

    assertThat(result).isEqualTo("row");
    assertThat(new TestScrape(registry).text())
        .contains("db_client_operation_duration_seconds_count{db_collection_name=\"orders\","
            + "db_operation_name=\"SELECT\",db_system_name=\"postgresql\",error_type=\"\"} 1")
        .contains("db_client_operation_duration_seconds_count{db_collection_name=\"orders\","
            + "db_operation_name=\"INSERT\",db_system_name=\"postgresql\",error_type=\"\"} 1")
        .contains("le=\"0.001\"", "le=\"10.0\"");
  }

  @Test
  void rethrowsTheSameExceptionAndLabelsItsType() {
    SQLException failure = new SQLException("connection reset");

    assertThatThrownBy(() -> db.time("SELECT", "orders", () -> {
      throw failure;
    })).isSameAs(failure);
    assertThatThrownBy(() -> db.run("UPDATE", "stock", () -> {
      throw new IllegalStateException("lock timeout");
    })).isInstanceOf(IllegalStateException.class).hasMessage("lock timeout");

    assertThat(new TestScrape(registry).text())
        .contains("db_operation_name=\"SELECT\",db_system_name=\"postgresql\",error_type=\"java.sql.SQLException\"} 1")
        .contains("error_type=\"java.lang.IllegalStateException\"} 1");
  }

  @Test
  void refusesASecondTimerOnTheSameRegistry() {
    assertThatThrownBy(() -> DbClientTimer.register(registry, "mysql"))
        .hasMessageContaining("db_client_operation_duration_seconds");
  }
}
