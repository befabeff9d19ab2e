package io.vigil.exporter.source;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Processes for the process-group collector: every process cheaply, then details for the ones that belong to a
 * group. A process that exits between the two calls (or while being read) is simply missing: never an error.
 *
 * <p>Thread safety: implementations are called by one collector thread at a time.
 */
public interface ProcessSource {

  /** Every process now. Throws only when the process table itself cannot be read. */
  List<ProcessInfo> processes() throws IOException;

  /** Details of a process from the latest {@link #processes()} call; empty when it has exited meanwhile. */
  Optional<ProcessDetails> details(ProcessInfo process);
}
