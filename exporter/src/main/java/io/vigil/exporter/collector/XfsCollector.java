package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.XfsStats;
import java.util.List;

/**
 * node_exporter's {@code xfs} collector (Linux only): per-filesystem XFS counters from
 * {@code /sys/fs/xfs/<device>/stats/stats}, one counter family per field node_exporter 1.5 names.
 *
 * <pre>
 * node_xfs_extent_allocation_extents_allocated_total{device="dm-0"} 184523
 * node_xfs_read_calls_total{device="dm-0"} 3.412876e+06
 * </pre>
 *
 * <p>Without mounted XFS filesystems there is nothing to report and the collector succeeds, as node_exporter's does.
 * A line a kernel does not print is not reported (node_exporter reports 0). The system-wide
 * {@code /proc/fs/xfs/stat} is not read: node_exporter reports per device only.
 *
 * <p>Thread safety: stateless.
 */
public final class XfsCollector implements Collector {

  public static final String NAME = "xfs";

  /**
   * Exposed name, stats line, position in the line, help: node_exporter 1.5's families. The {@code rw} line is
   * {@code <write calls> <read calls>} (fs/xfs/xfs_stats.h).
   */
  private record Field(String name, String line, int index, String help) {}

  private static final List<Field> FIELDS = List.of(
      new Field("extent_allocation_extents_allocated_total", "extent_alloc", 0,
          "Number of extents allocated for a filesystem."),
      new Field("extent_allocation_blocks_allocated_total", "extent_alloc", 1,
          "Number of blocks allocated for a filesystem."),
      new Field("extent_allocation_extents_freed_total", "extent_alloc", 2,
          "Number of extents freed for a filesystem."),
      new Field("extent_allocation_blocks_freed_total", "extent_alloc", 3, "Number of blocks freed for a filesystem."),
      new Field("allocation_btree_lookups_total", "abt", 0, "Number of allocation B-tree lookups for a filesystem."),
      new Field("allocation_btree_compares_total", "abt", 1, "Number of allocation B-tree compares for a filesystem."),
      new Field("allocation_btree_records_inserted_total", "abt", 2,
          "Number of allocation B-tree records inserted for a filesystem."),
      new Field("allocation_btree_records_deleted_total", "abt", 3,
          "Number of allocation B-tree records deleted for a filesystem."),
      new Field("block_mapping_reads_total", "blk_map", 0, "Number of block map for read operations for a filesystem."),
      new Field("block_mapping_writes_total", "blk_map", 1,
          "Number of block map for write operations for a filesystem."),
      new Field("block_mapping_unmaps_total", "blk_map", 2, "Number of block unmaps (deletes) for a filesystem."),
      new Field("block_mapping_extent_list_insertions_total", "blk_map", 3,
          "Number of extent list insertions for a filesystem."),
      new Field("block_mapping_extent_list_deletions_total", "blk_map", 4,
          "Number of extent list deletions for a filesystem."),
      new Field("block_mapping_extent_list_lookups_total", "blk_map", 5,
          "Number of extent list lookups for a filesystem."),
      new Field("block_mapping_extent_list_compares_total", "blk_map", 6,
          "Number of extent list compares for a filesystem."),
      new Field("block_map_btree_lookups_total", "bmbt", 0, "Number of block map B-tree lookups for a filesystem."),
      new Field("block_map_btree_compares_total", "bmbt", 1, "Number of block map B-tree compares for a filesystem."),
      new Field("block_map_btree_records_inserted_total", "bmbt", 2,
          "Number of block map B-tree records inserted for a filesystem."),
      new Field("block_map_btree_records_deleted_total", "bmbt", 3,
          "Number of block map B-tree records deleted for a filesystem."),
      new Field("directory_operation_lookup_total", "dir", 0,
          "Number of file name directory lookups which miss the operating systems directory name lookup cache."),
      new Field("directory_operation_create_total", "dir", 1,
          "Number of times a new directory entry was created for a filesystem."),
      new Field("directory_operation_remove_total", "dir", 2,
          "Number of times an existing directory entry was created for a filesystem."),
      new Field("directory_operation_getdents_total", "dir", 3,
          "Number of times the directory getdents operation was performed for a filesystem."),
      new Field("inode_operation_attempts_total", "ig", 0,
          "Number of times the OS looked for an XFS inode in the inode cache."),
      new Field("inode_operation_found_total", "ig", 1,
          "Number of times the OS looked for and found an XFS inode in the inode cache."),
      new Field("inode_operation_recycled_total", "ig", 2,
          "Number of times the OS found an XFS inode in the cache, but could not use it as it was being recycled."),
      new Field("inode_operation_missed_total", "ig", 3,
          "Number of times the OS looked for an XFS inode in the cache, but did not find it."),
      new Field("inode_operation_duplicates_total", "ig", 4,
          "Number of times the OS tried to add a missing XFS inode to the inode cache, but found it had already been"
              + " added by another process."),
      new Field("inode_operation_reclaims_total", "ig", 5,
          "Number of times the OS reclaimed an XFS inode from the inode cache to free memory for another purpose."),
      new Field("inode_operation_attribute_changes_total", "ig", 6,
          "Number of times the OS explicitly changed the attributes of an XFS inode."),
      new Field("read_calls_total", "rw", 1, "Number of read(2) system calls made to files in a filesystem."),
      new Field("write_calls_total", "rw", 0, "Number of write(2) system calls made to files in a filesystem."),
      new Field("vnode_active_total", "vnodes", 0, "Number of vnodes not on free lists for a filesystem."),
      new Field("vnode_allocate_total", "vnodes", 1, "Number of times vn_alloc called for a filesystem."),
      new Field("vnode_get_total", "vnodes", 2, "Number of times vn_get called for a filesystem."),
      new Field("vnode_hold_total", "vnodes", 3, "Number of times vn_hold called for a filesystem."),
      new Field("vnode_release_total", "vnodes", 4, "Number of times vn_rele called for a filesystem."),
      new Field("vnode_reclaim_total", "vnodes", 5, "Number of times vn_reclaim called for a filesystem."),
      new Field("vnode_remove_total", "vnodes", 6, "Number of times vn_remove called for a filesystem."));

  private final SysFs sys;

  public XfsCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    LabelledFamilies out = new LabelledFamilies();
    for (XfsStats fs : XfsStats.readAll(sys)) {
      for (Field f : FIELDS) {
        fs.line(f.line())
            .filter(values -> values.size() > f.index())
            .ifPresent(values -> out.counter("node_xfs_" + f.name(), f.help(), values.get(f.index()),
                "device", fs.device()));
      }
    }
    return out.snapshots();
  }
}
