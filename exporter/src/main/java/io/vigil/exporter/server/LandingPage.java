package io.vigil.exporter.server;

import io.vigil.exporter.BuildInfo;
import io.vigil.exporter.collector.CollectorOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The small HTML page at {@code /}: version, endpoints, and each enabled collector's last duration and success. */
final class LandingPage {

  private LandingPage() {}

  static String render(
      BuildInfo build, String telemetryPath, List<String> collectors, Map<String, CollectorOutcome> last) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigil exporter</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #ddd}.fail{color:#b00}</style>")
        .append("</head><body>\n<h1>Vigil exporter</h1>\n<p>Version ")
        .append(escape(build.version())).append(" (revision ").append(escape(build.revision()))
        .append(", Java ").append(escape(build.javaVersion())).append(")</p>\n<ul>\n")
        .append("<li><a href=\"").append(escape(telemetryPath)).append("\">").append(escape(telemetryPath))
        .append("</a>: metrics</li>\n")
        .append("<li><a href=\"/-/healthy\">/-/healthy</a>: 200 while the process serves</li>\n")
        .append("<li><a href=\"/-/ready\">/-/ready</a>: 200 once the first collection finished</li>\n")
        .append("</ul>\n<h2>Collectors</h2>\n<table><tr><th>collector</th><th>last duration</th>")
        .append("<th>last result</th></tr>\n");
    for (String name : collectors) {
      CollectorOutcome o = last.get(name);
      html.append("<tr><td>").append(escape(name)).append("</td>");
      if (o == null) {
        html.append("<td>-</td><td>not run yet</td>");
      } else {
        html.append("<td>").append(String.format(Locale.ROOT, "%.3f s", o.durationSeconds())).append("</td>");
        if (o.success()) {
          html.append("<td>ok</td>");
        } else {
          html.append("<td class=\"fail\">failed: ").append(escape(o.failure().orElse(""))).append("</td>");
        }
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n</body></html>\n").toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
