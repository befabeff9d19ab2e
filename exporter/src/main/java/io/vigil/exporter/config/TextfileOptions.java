package io.vigil.exporter.config;

import java.util.List;

/**
 * Options of the textfile collector ({@code collectors.textfile}).
 *
 * @param directories directories or globs of directories holding {@code *.prom} files (node_exporter's
 *     {@code --collector.textfile.directory}); none by default
 * @param maxFileBytes larger files are skipped and reported as errors
 */
public record TextfileOptions(List<String> directories, long maxFileBytes) {

  public static final long DEFAULT_MAX_FILE_BYTES = 1 << 20;

  public static final TextfileOptions DEFAULT = new TextfileOptions(List.of(), DEFAULT_MAX_FILE_BYTES);

  public TextfileOptions {
    directories = List.copyOf(directories);
  }
}
