package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.textfile.FamilyMerger;
import io.vigil.exporter.textfile.TextFormatException;
import io.vigil.exporter.textfile.TextfileScan;
import io.vigil.exporter.textfile.TextfileSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * node_exporter's {@code textfile} collector: the families of every valid {@code *.prom} file in the configured
 * directories, {@code node_textfile_mtime_seconds{file}} for each file read successfully, and
 * {@code node_textfile_scrape_error} (1 when any file or directory could not be used). A malformed, unreadable or
 * oversized file is skipped whole, logged once with its file and line, and the other files are served; so is a file
 * whose families clash with an earlier file's (another type, the same series).
 *
 * <pre>
 * # HELP node_textfile_mtime_seconds Unixtime mtime of textfiles successfully read.
 * # TYPE node_textfile_mtime_seconds gauge
 * node_textfile_mtime_seconds{file="/var/lib/prometheus/node-exporter/apt.prom"} 1.7e+09
 * # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
 * # TYPE node_textfile_scrape_error gauge
 * node_textfile_scrape_error 0
 * </pre>
 *
 * <p>Thread safety: called by one thread at a time (the runner); the log is thread-safe.
 */
public final class TextfileCollector implements Collector {

  public static final String NAME = "textfile";

  private static final Logger LOG = Logger.getLogger(TextfileCollector.class.getName());

  private final TextfileSource source;
  private final ItemHealthLog health = new ItemHealthLog(LOG, NAME);

  public TextfileCollector(TextfileSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() {
    TextfileScan scan = source.scan();
    boolean errored = !scan.directoryErrors().isEmpty();
    Set<String> items = new HashSet<>();
    for (String problem : scan.directoryErrors()) {
      items.add(problem);
      health.record(problem, Optional.of(problem));
    }
    FamilyMerger merger = new FamilyMerger();
    GaugeSnapshot.Builder mtimes =
        GaugeSnapshot.builder().name("node_textfile_mtime_seconds").help("Unixtime mtime of textfiles successfully read.");
    boolean anyMtime = false;
    for (TextfileScan.FileResult file : scan.files()) {
      String path = file.path().toString();
      items.add(path);
      Optional<TextFormatException> error = file.error();
      if (error.isEmpty()) {
        try {
          merger.add(path, file.families());
        } catch (TextFormatException e) {
          error = Optional.of(e);
        }
      }
      if (error.isPresent()) {
        errored = true;
        health.record(path, Optional.of("skipping textfile: " + error.get().getMessage()));
        continue;
      }
      health.record(path, Optional.empty());
      mtimes.dataPoint(Families.gaugePoint(file.mtimeSeconds(), "file", path));
      anyMtime = true;
    }
    health.retain(items);
    List<MetricSnapshot> out = new ArrayList<>(merger.snapshots());
    if (anyMtime) {
      out.add(mtimes.build());
    }
    out.add(Families.gauge(
        "node_textfile_scrape_error", "1 if there was an error opening or reading a file, 0 otherwise",
        errored ? 1 : 0));
    return out;
  }
}
