package io.vigil.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Paths of the shipped bundle in the repository (the parent of this module). */
final class Repo {

  private static final Path ROOT = locate();

  private Repo() {}

  static Path root() {
    return ROOT;
  }

  static Path path(String first, String... more) {
    return ROOT.resolve(Path.of(first, more));
  }

  /** The files directly in {@code dir} (repository-relative) whose names end with {@code suffix}, sorted. */
  static List<Path> files(String dir, String suffix) {
    try (Stream<Path> s = Files.list(path(dir))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML file as maps and lists (SnakeYAML's safe loader). */
  static Map<String, Object> yaml(Path p) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(read(p));
  }

  /** A YAML file whose top level is a list (file-SD target files), as maps and lists. */
  static List<Map<String, Object>> yamlList(Path p) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(read(p));
  }

  private static Path locate() {
    // Surefire passes the root; an IDE run from the module or the root directory finds it by looking around.
    String configured = System.getProperty("vigil.repo.root");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("rules")) && Files.isDirectory(d.resolve("prometheus"))) {
        return d;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + dir + "; set -Dvigil.repo.root");
  }
}
