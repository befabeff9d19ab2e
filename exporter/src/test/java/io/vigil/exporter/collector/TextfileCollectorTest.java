package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.testing.MetricsText;
import io.vigil.exporter.textfile.TextfileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileCollectorTest {

  @TempDir Path dir;

  private Path write(String relative, String text, String mtime) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(mtime)));
    return file;
  }

  private String collect(List<String> dirs, long maxBytes) {
    return MetricsText.of(new TextfileCollector(new TextfileSource(dirs, maxBytes)).collect());
  }

  @Test
  void servesValidFilesAndReportsTheMalformedOneWithoutItsMetrics() throws Exception {
    write("a/backup.prom", """
        # HELP backup_ok Whether the last backup worked.
        # TYPE backup_ok gauge
        backup_ok{target="s3"} 1
        """, "2025-02-23T06:00:00Z");
    write("a/cron.prom", "cron_last_run_seconds{job=\"logrotate\"} 1740290400\n", "2025-02-23T06:30:00Z");
    write("a/stamped.prom", "stamped_metric 1 1740290400000\n", "2025-02-23T07:00:00Z");
    write("a/ignored.txt", "not_read 1\n", "2025-02-23T07:00:00Z");
    String out = collect(List.of(dir.resolve("a").toString()), 1 << 20);
    String a = dir.resolve("a").toString();
    assertThat(out).isEqualTo("""
        # HELP backup_ok Whether the last backup worked.
        # TYPE backup_ok gauge
        backup_ok{target="s3"} 1.0
        # HELP cron_last_run_seconds Metric read from %1$s/cron.prom
        # TYPE cron_last_run_seconds untyped
        cron_last_run_seconds{job="logrotate"} 1.7402904E9
        # HELP node_textfile_mtime_seconds Unixtime mtime of textfiles successfully read.
        # TYPE node_textfile_mtime_seconds gauge
        node_textfile_mtime_seconds{file="%1$s/backup.prom"} 1.7402904E9
        node_textfile_mtime_seconds{file="%1$s/cron.prom"} 1.7402922E9
        # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
        # TYPE node_textfile_scrape_error gauge
        node_textfile_scrape_error 1.0
        """.formatted(a));
  }

  @Test
  void mergesFamiliesAcrossGlobbedDirectoriesAndRefusesAClashingFile() throws Exception {
    write("x1/textfile/one.prom", "# TYPE jobs_done gauge\njobs_done{host=\"a\"} 1\n", "2025-02-23T06:00:00Z");
    write("x2/textfile/two.prom", "# TYPE jobs_done gauge\njobs_done{host=\"b\"} 2\n", "2025-02-23T06:00:00Z");
    write("x3/textfile/three.prom", "# TYPE jobs_done counter\njobs_done 3\n", "2025-02-23T06:00:00Z");
    String out = collect(List.of(dir + "/x*/textfile"), 1 << 20);
    assertThat(out).contains("jobs_done{host=\"a\"} 1.0\njobs_done{host=\"b\"} 2.0\n")
        .doesNotContain("jobs_done 3")
        .doesNotContain("three.prom\"}")
        .contains("node_textfile_scrape_error 1.0");
  }

  @Test
  void oversizedFileIsSkippedAndLoggedOnceNamingTheFile() throws Exception {
    Path big = write("big.prom", "big_metric 1\n".repeat(100), "2025-02-23T06:00:00Z");
    List<String> logged = new ArrayList<>();
    Logger log = Logger.getLogger(TextfileCollector.class.getName());
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()) {
          logged.add(r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(h);
    try {
      TextfileCollector c = new TextfileCollector(new TextfileSource(List.of(dir.toString()), 100));
      assertThat(MetricsText.of(c.collect())).doesNotContain("big_metric").contains("node_textfile_scrape_error 1.0");
      c.collect();
      c.collect();
    } finally {
      log.removeHandler(h);
    }
    assertThat(logged).containsExactly("collector=textfile skipping textfile: " + big
        + ": file is 1300 bytes, larger than the limit of 100 bytes");
  }

  @Test
  void missingDirectoryIsAnErrorAndNoDirectoriesIsNot() {
    assertThat(collect(List.of(dir.resolve("absent").toString()), 1 << 20))
        .isEqualTo("""
            # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
            # TYPE node_textfile_scrape_error gauge
            node_textfile_scrape_error 1.0
            """);
    assertThat(collect(List.of(), 1 << 20)).endsWith("node_textfile_scrape_error 0.0\n");
  }
}
