package io.vigil.exporter.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process group name template in process-exporter's syntax: literal text with {@code {{.Comm}}},
 * {@code {{.ExeBase}}}, {@code {{.ExeFull}}}, {@code {{.Username}}} and {@code {{.Matches.NAME}}} (a named group of
 * a {@code cmdline} regex). Other Go template features, and the PID and start-time fields, are refused: group names
 * are label values and must stay few.
 *
 * <p>Thread safety: immutable.
 */
public final class NameTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\.([A-Za-z]+)(?:\\.([A-Za-z][A-Za-z0-9]*))?\\s*}}");
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  /** What a template may use of one process. */
  public record Fields(String comm, String exeBase, String exeFull, String username, Map<String, String> matches) {}

  private sealed interface Part permits Literal, Field {}

  private record Literal(String text) implements Part {}

  private record Field(String name, String match) implements Part {}

  private final String source;
  private final List<Part> parts;
  private final boolean usesUsername;

  private NameTemplate(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
    this.usesUsername = parts.stream().anyMatch(p -> p instanceof Field f && f.name.equals("Username"));
  }

  /**
   * Compiles a template.
   *
   * @param captureNames the named groups its matcher's cmdline regexes define
   * @throws IllegalArgumentException naming the problem and the allowed fields
   */
  public static NameTemplate compile(String template, Set<String> captureNames) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (m.find()) {
      literal(template.substring(at, m.start()), parts);
      String field = m.group(1);
      String sub = m.group(2);
      switch (field) {
        case "Comm", "ExeBase", "ExeFull", "Username" -> {
          if (sub != null) {
            throw new IllegalArgumentException("{{." + field + "}} takes no ." + sub);
          }
          parts.add(new Field(field, null));
        }
        case "Matches" -> {
          if (sub == null) {
            throw new IllegalArgumentException("{{.Matches}} needs a capture name: {{.Matches.NAME}}");
          }
          if (!captureNames.contains(sub)) {
            throw new IllegalArgumentException("{{.Matches." + sub + "}}: no cmdline regex has a named group (?<"
                + sub + ">...)");
          }
          parts.add(new Field(field, sub));
        }
        default -> throw new IllegalArgumentException("unknown field {{." + field
            + "}}; expected {{.Comm}}, {{.ExeBase}}, {{.ExeFull}}, {{.Username}} or {{.Matches.NAME}}");
      }
      at = m.end();
    }
    literal(template.substring(at), parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("the name template is empty");
    }
    return new NameTemplate(template, parts);
  }

  private static void literal(String text, List<Part> parts) {
    if (text.contains("{{") || text.contains("}}")) {
      throw new IllegalArgumentException("malformed placeholder in \"" + text
          + "\"; expected {{.Comm}}, {{.ExeBase}}, {{.ExeFull}}, {{.Username}} or {{.Matches.NAME}}");
    }
    if (!text.isEmpty()) {
      parts.add(new Literal(text));
    }
  }

  /** Named groups ({@code (?<name>...)}, or Go's {@code (?P<name>...)} already rewritten) in regex sources. */
  public static Set<String> captureNames(List<Pattern> regexes) {
    Set<String> names = new LinkedHashSet<>();
    for (Pattern p : regexes) {
      Matcher m = NAMED_GROUP.matcher(p.pattern());
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  public String render(Fields f) {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        b.append(l.text);
      } else if (p instanceof Field field) {
        b.append(switch (field.name) {
          case "Comm" -> f.comm();
          case "ExeBase" -> f.exeBase();
          case "ExeFull" -> f.exeFull();
          case "Username" -> f.username();
          default -> f.matches().getOrDefault(field.match, "");
        });
      }
    }
    return b.toString();
  }

  public boolean usesUsername() {
    return usesUsername;
  }

  @Override
  public String toString() {
    return source;
  }
}
