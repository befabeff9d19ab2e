package io.vigil.exporter.source;

import java.io.IOException;

/**
 * Reads one kind of host record fresh on each call (never memoized: counters must be current every scrape).
 *
 * @param <T> the record type, named after the file it comes from on Linux
 */
@FunctionalInterface
public interface SourceReader<T> {

  T read() throws IOException;

  /** A reader for data this platform's source cannot supply; collectors using it report failure. */
  static <T> SourceReader<T> unsupported(String what) {
    return () -> {
      throw new UnsupportedSourceException(what + " is not available on " + System.getProperty("os.name"));
    };
  }
}
