package io.vigil.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Just enough PromQL lexing for dashboard lint rules: finds the series selectors of an expression (metric name and
 * matcher text) and the spans of rate/irate/increase calls. String literals, label lists of by/on/... clauses and
 * range brackets are skipped. Syntax itself is checked by the real Prometheus in {@link StackIT}.
 */
final class PromQl {

  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
      "and", "or", "unless", "bool", "offset",
      // aggregation operators may be followed by a by/without clause instead of "("
      "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
      "quantile");
  private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right");
  private static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate", "increase");

  private PromQl() {}

  /** A series selector: {@code name} (empty for {@code {...}} alone), the text inside braces, its offset. */
  record Selector(String name, String matchers, int position) {}

  /** A call of rate/irate/increase: function name and the offsets of its parentheses. */
  record Call(String function, int open, int close) {
    boolean contains(int position) {
      return position > open && position < close;
    }
  }

  static List<Selector> selectors(String expr) {
    List<Selector> out = new ArrayList<>();
    int i = 0;
    boolean labelListNext = false;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(expr, i);
      } else if (c == '[') {
        i = expr.indexOf(']', i) + 1;
      } else if (c == '{') {
        int end = matching(expr, i, '{', '}');
        out.add(new Selector("", expr.substring(i + 1, end), i));
        i = end + 1;
      } else if (c == '(' && labelListNext) {
        i = matching(expr, i, '(', ')') + 1;
        labelListNext = false;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < expr.length() && Character.isDigit(expr.charAt(i + 1)))) {
        while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
          i++;
        }
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int start = i;
        while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_'
            || expr.charAt(i) == ':')) {
          i++;
        }
        String word = expr.substring(start, i);
        int next = skipSpaces(expr, i);
        if (LABEL_LIST_KEYWORDS.contains(word)) {
          labelListNext = true;
        } else if (KEYWORDS.contains(word)) {
          labelListNext = false;
        } else if (next < expr.length() && expr.charAt(next) == '(') {
          labelListNext = false; // a function or aggregation call
        } else if (next < expr.length() && expr.charAt(next) == '{') {
          int end = matching(expr, next, '{', '}');
          out.add(new Selector(word, expr.substring(next + 1, end), start));
          i = end + 1;
        } else {
          out.add(new Selector(word, "", start));
        }
      } else {
        i++;
      }
    }
    return out;
  }

  static List<Call> rateCalls(String expr) {
    List<Call> out = new ArrayList<>();
    for (String f : RATE_FUNCTIONS) {
      int from = 0;
      while (true) {
        int at = expr.indexOf(f + "(", from);
        if (at < 0) {
          break;
        }
        boolean wordStart = at == 0 || !(Character.isLetterOrDigit(expr.charAt(at - 1)) || expr.charAt(at - 1) == '_');
        int open = at + f.length();
        if (wordStart) {
          out.add(new Call(f, open, matching(expr, open, '(', ')')));
        }
        from = open;
      }
    }
    return out;
  }

  /** The range durations ({@code [...]} contents) between two offsets. */
  static List<String> ranges(String expr, int from, int to) {
    List<String> out = new ArrayList<>();
    int i = from;
    while ((i = expr.indexOf('[', i)) >= 0 && i < to) {
      int end = expr.indexOf(']', i);
      out.add(expr.substring(i + 1, end));
      i = end + 1;
    }
    return out;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipString(String s, int i) {
    char quote = s.charAt(i);
    i++;
    while (i < s.length() && s.charAt(i) != quote) {
      i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
    }
    return i + 1;
  }

  private static int matching(String s, int open, char o, char c) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\'' || ch == '`') {
        i = skipString(s, i) - 1;
      } else if (ch == o) {
        depth++;
      } else if (ch == c && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced '" + o + "' at " + open + " in: " + s);
  }
}
