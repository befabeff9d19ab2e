package io.vigil.exporter.source;

import java.io.IOException;
import java.util.List;

/** Block devices: their counters every scrape, and their identity. */
public interface DiskSource {

  /** Every block device, unfiltered, in kernel order. */
  List<DiskStats> diskstats() throws IOException;

  /** Identity labels of one device; empty strings where unknown. */
  DiskInfo info(DiskStats disk);
}
