package io.vigil.exporter.textfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds and parses the textfile collector's {@code *.prom} files (node_exporter's
 * {@code --collector.textfile.directory}): each configured directory, or glob of directories
 * ({@code /var/lib/*}{@code /textfile}), is listed; regular files ending in {@code .prom} are read whole up to the
 * size limit and parsed by {@link TextFormatParser}. Writers must write a temporary file and rename it into place, so
 * a file is never read half-written.
 *
 * <p>Thread safety: immutable.
 */
public final class TextfileSource {

  private final List<String> directories;
  private final long maxFileBytes;

  /**
   * @param directories directories or globs of directories
   * @param maxFileBytes larger files are skipped with an error
   */
  public TextfileSource(List<String> directories, long maxFileBytes) {
    this.directories = List.copyOf(directories);
    this.maxFileBytes = maxFileBytes;
  }

  public TextfileScan scan() {
    List<TextfileScan.FileResult> files = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String pattern : directories) {
      List<Path> dirs;
      try {
        dirs = expand(pattern);
      } catch (IOException e) {
        errors.add("cannot list " + pattern + ": " + describe(e));
        continue;
      }
      if (dirs.isEmpty() && hasGlob(pattern)) {
        continue; // a glob matching nothing is not an error (like a shell's nullglob)
      }
      for (Path dir : dirs) {
        try {
          for (Path file : promFiles(dir)) {
            files.add(read(file));
          }
        } catch (IOException e) {
          errors.add("cannot read textfile directory " + dir + ": " + describe(e));
        }
      }
    }
    return new TextfileScan(files, errors);
  }

  private TextfileScan.FileResult read(Path file) {
    String source = file.toString();
    double mtime = 0;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      mtime = attrs.lastModifiedTime().toMillis() / 1000.0;
      if (attrs.size() > maxFileBytes) {
        return failed(file, mtime, new TextFormatException(source, 0,
            "file is " + attrs.size() + " bytes, larger than the limit of " + maxFileBytes + " bytes"));
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxFileBytes + 1));
      }
      if (bytes.length > maxFileBytes) { // grew while we read it
        return failed(file, mtime, new TextFormatException(source, 0,
            "file is larger than the limit of " + maxFileBytes + " bytes"));
      }
      return new TextfileScan.FileResult(file, mtime, TextFormatParser.parse(source, bytes), Optional.empty());
    } catch (TextFormatException e) {
      return failed(file, mtime, e);
    } catch (IOException e) {
      return failed(file, mtime, new TextFormatException(source, 0, "cannot read: " + describe(e)));
    }
  }

  private static TextfileScan.FileResult failed(Path file, double mtime, TextFormatException e) {
    return new TextfileScan.FileResult(file, mtime, List.of(), Optional.of(e));
  }

  /** {@code *.prom} regular files of one directory, sorted by name. */
  private static List<Path> promFiles(Path dir) throws IOException {
    TreeSet<Path> out = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.prom")) {
      for (Path p : entries) {
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The directories a pattern names: itself, or every directory its glob components match, sorted. */
  static List<Path> expand(String pattern) throws IOException {
    if (!hasGlob(pattern)) {
      Path dir = Path.of(pattern);
      if (!Files.exists(dir)) {
        throw new NoSuchFileException(pattern);
      }
      return List.of(dir);
    }
    Path path = Path.of(pattern);
    Path base = path.getRoot() == null ? Path.of("") : path.getRoot();
    List<Path> current = List.of(base);
    for (Path part : path) {
      String name = part.toString();
      List<Path> next = new ArrayList<>();
      if (!hasGlob(name)) {
        for (Path c : current) {
          Path p = c.resolve(name);
          if (Files.isDirectory(p)) {
            next.add(p);
          }
        }
      } else {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        for (Path c : current) {
          Path dir = c.toString().isEmpty() ? Path.of(".") : c;
          if (!Files.isDirectory(dir)) {
            continue;
          }
          TreeSet<Path> matched = new TreeSet<>();
          try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
              if (matcher.matches(e.getFileName()) && Files.isDirectory(e)) {
                matched.add(c.resolve(e.getFileName()));
              }
            }
          }
          next.addAll(matched);
        }
      }
      current = next;
    }
    return current;
  }

  static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
