package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Mountinfo;
import io.vigil.exporter.source.procfs.Mountstats;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * node_exporter's {@code mountstats} collector (Linux only, off by default): statistics of the NFS mounts in this
 * process's mount namespace from {@code /proc/self/mountstats}, labelled with the export, the transport protocol
 * and the server address ({@code addr=} of the matching {@code /proc/self/mountinfo} line, same order).
 *
 * <pre>
 * node_mountstats_nfs_read_bytes_total{export="nas:/export/backup",mountaddr="10.0.0.5",protocol="tcp"} 9.55904188e+09
 * node_mountstats_nfs_operations_requests_total{export="...",operation="WRITE",protocol="tcp",...} 214553
 * </pre>
 *
 * <p>An export mounted twice from the same address over the same protocol is reported once, as in node_exporter.
 * Counters a kernel does not print are not reported (node_exporter reports 0): UDP mounts have no connect count or
 * idle time, statistics version 1.0 has no maximum slots or queue sums.
 *
 * <p>Thread safety: stateless.
 */
public final class MountstatsCollector implements Collector {

  public static final String NAME = "mountstats";

  /** 2^53: node_exporter takes large millisecond counters modulo the float64 mantissa; kept for parity. */
  private static final long FLOAT64_MANTISSA = 1L << 53;

  private static final String P = "node_mountstats_nfs_";

  /** By position in the {@code bytes:} line: exposed name, help. */
  private static final String[] BYTES = {
    "read_bytes_total", "Number of bytes read using the read() syscall.",
    "write_bytes_total", "Number of bytes written using the write() syscall.",
    "direct_read_bytes_total", "Number of bytes read using the read() syscall in O_DIRECT mode.",
    "direct_write_bytes_total", "Number of bytes written using the write() syscall in O_DIRECT mode.",
    "total_read_bytes_total", "Number of bytes read from the NFS server, in total.",
    "total_write_bytes_total", "Number of bytes written to the NFS server, in total.",
    "read_pages_total", "Number of pages read directly via mmap()'d files.",
    "write_pages_total", "Number of pages written directly via mmap()'d files.",
  };

  /** By position in the {@code events:} line (null: not reported): exposed name and node_exporter 1.5's help. */
  private static final String[][] EVENTS = {
    {"event_inode_revalidate_total", "Number of times cached inode attributes are re-validated from the server."},
    {"event_dnode_revalidate_total", "Number of times cached dentry nodes are re-validated from the server."},
    {"event_data_invalidate_total", "Number of times an inode cache is cleared."},
    {"event_attribute_invalidate_total", "Number of times cached inode attributes are invalidated."},
    {"event_vfs_open_total", "Number of times cached inode attributes are invalidated."},
    {"event_vfs_lookup_total", "Number of times a directory lookup has occurred."},
    {"event_vfs_access_total", "Number of times permissions have been checked."},
    {"event_vfs_update_page_total", "Number of updates (and potential writes) to pages."},
    {"event_vfs_read_page_total", "Number of pages read directly via mmap()'d files."},
    {"event_vfs_read_pages_total", "Number of times a group of pages have been read."},
    {"event_vfs_write_page_total", "Number of pages written directly via mmap()'d files."},
    {"event_vfs_write_pages_total", "Number of times a group of pages have been written."},
    {"event_vfs_getdents_total", "Number of times directory entries have been read with getdents()."},
    {"event_vfs_setattr_total", "Number of times directory entries have been read with getdents()."},
    {"event_vfs_flush_total", "Number of pending writes that have been forcefully flushed to the server."},
    {"event_vfs_fsync_total", "Number of times fsync() has been called on directories and files."},
    {"event_vfs_lock_total", "Number of times locking has been attempted on a file."},
    {"event_vfs_file_release_total", "Number of times files have been closed and released."},
    null, // congestion wait: not reported
    {"event_truncation_total", "Number of times files have been truncated."},
    {"event_write_extension_total",
        "Number of times a file has been grown due to writes beyond its existing end."},
    {"event_silly_rename_total", "Number of times a file was removed while still open by another process."},
    {"event_short_read_total", "Number of times the NFS server gave less data than expected while reading."},
    {"event_short_write_total", "Number of times the NFS server wrote less data than expected while writing."},
    {"event_jukebox_delay_total",
        "Number of times the NFS server indicated EJUKEBOX; retrieving data from offline storage."},
    {"event_pnfs_read_total", "Number of NFS v4.1+ pNFS reads."},
    {"event_pnfs_write_total", "Number of NFS v4.1+ pNFS writes."},
  };

  private final ProcFs proc;

  public MountstatsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<Mountstats.Mount> mounts = Mountstats.readSelf(proc).mounts();
    List<Mountinfo.Mount> infos = Mountinfo.readSelf(proc).mounts();
    Set<List<String>> seen = new HashSet<>();
    LabelledFamilies out = new LabelledFamilies();
    for (int i = 0; i < mounts.size(); i++) {
      Mountstats.Mount m = mounts.get(i);
      if (m.nfs().isEmpty()) {
        continue;
      }
      Mountstats.Nfs nfs = m.nfs().get();
      String protocol = nfs.transport().map(Mountstats.Transport::protocol).orElse("");
      // both files list the namespace's mounts in the same order
      String address = i < infos.size() ? infos.get(i).superOption("addr").orElse("") : "";
      if (!seen.add(List.of(m.device(), protocol, address))) {
        continue; // the same export mounted again: node_exporter reports it once
      }
      mount(out, nfs, m.device(), protocol, address);
    }
    return out.snapshots();
  }

  private static void mount(LabelledFamilies out, Mountstats.Nfs nfs, String export, String protocol, String addr) {
    String[] labels = {"export", export, "protocol", protocol, "mountaddr", addr};
    out.counter(P + "age_seconds_total", "The age of the NFS mount in seconds.", nfs.ageSeconds(), labels);
    nfs.bytes().ifPresent(bytes -> {
      for (int i = 0; i < BYTES.length / 2; i++) {
        out.counter(P + BYTES[2 * i], BYTES[2 * i + 1], Uint64.toDouble(bytes.get(i)), labels);
      }
    });
    nfs.transport().ifPresent(t -> transport(out, t, labels));
    for (Mountstats.Operation op : nfs.operations()) {
      String[] l = {"export", export, "protocol", protocol, "mountaddr", addr, "operation", op.name()};
      out.counter(P + "operations_requests_total", "Number of requests performed for a given operation.",
          Uint64.toDouble(op.requests()), l);
      out.counter(P + "operations_transmissions_total",
          "Number of times an actual RPC request has been transmitted for a given operation.",
          Uint64.toDouble(op.transmissions()), l);
      out.counter(P + "operations_major_timeouts_total",
          "Number of times a request has had a major timeout for a given operation.",
          Uint64.toDouble(op.majorTimeouts()), l);
      out.counter(P + "operations_sent_bytes_total",
          "Number of bytes sent for a given operation, including RPC headers and payload.",
          Uint64.toDouble(op.bytesSent()), l);
      out.counter(P + "operations_received_bytes_total",
          "Number of bytes received for a given operation, including RPC headers and payload.",
          Uint64.toDouble(op.bytesReceived()), l);
      out.counter(P + "operations_queue_time_seconds_total",
          "Duration all requests spent queued for transmission for a given operation before they were sent, in"
              + " seconds.",
          milliseconds(op.queueMilliseconds()), l);
      out.counter(P + "operations_response_time_seconds_total",
          "Duration all requests took to get a reply back after a request for a given operation was transmitted, in"
              + " seconds.",
          milliseconds(op.responseMilliseconds()), l);
      out.counter(P + "operations_request_time_seconds_total",
          "Duration all requests took from when a request was enqueued to when it was completely handled for a given"
              + " operation, in seconds.",
          milliseconds(op.requestMilliseconds()), l);
    }
    nfs.events().ifPresent(events -> {
      for (int i = 0; i < EVENTS.length; i++) {
        if (EVENTS[i] != null) {
          out.counter(P + EVENTS[i][0], EVENTS[i][1], Uint64.toDouble(events.get(i)), labels);
        }
      }
    });
  }

  private static void transport(LabelledFamilies out, Mountstats.Transport t, String[] labels) {
    out.counter(P + "transport_bind_total",
        "Number of times the client has had to establish a connection from scratch to the NFS server.",
        t.bindCount(), labels);
    t.connectCount().ifPresent(v -> out.counter(P + "transport_connect_total",
        "Number of times the client has made a TCP connection to the NFS server.", v, labels));
    t.idleTimeSeconds().ifPresent(v -> out.gauge(P + "transport_idle_time_seconds",
        "Duration since the NFS mount last saw any RPC traffic, in seconds.",
        Long.remainderUnsigned(v, FLOAT64_MANTISSA), labels));
    out.counter(P + "transport_sends_total", "Number of RPC requests for this mount sent to the NFS server.",
        t.sends(), labels);
    out.counter(P + "transport_receives_total", "Number of RPC responses for this mount received from the NFS server.",
        t.receives(), labels);
    out.counter(P + "transport_bad_transaction_ids_total",
        "Number of times the NFS server sent a response with a transaction ID unknown to this client.",
        t.badTransactionIds(), labels);
    out.counter(P + "transport_backlog_queue_total", "Total number of items added to the RPC backlog queue.",
        t.cumulativeBacklog(), labels);
    optional(t.maximumSlotsUsed(), v -> out.gauge(P + "transport_maximum_rpc_slots",
        "Maximum number of simultaneously active RPC requests ever used.", v, labels));
    optional(t.cumulativeSendingQueue(), v -> out.counter(P + "transport_sending_queue_total",
        "Total number of items added to the RPC transmission sending queue.", v, labels));
    optional(t.cumulativePendingQueue(), v -> out.counter(P + "transport_pending_queue_total",
        "Total number of items added to the RPC transmission pending queue.", v, labels));
  }

  private static void optional(Optional<Long> value, java.util.function.DoubleConsumer emit) {
    value.ifPresent(v -> emit.accept(Uint64.toDouble(v)));
  }

  private static double milliseconds(long ms) {
    return Long.remainderUnsigned(ms, FLOAT64_MANTISSA) / 1000.0;
  }
}
