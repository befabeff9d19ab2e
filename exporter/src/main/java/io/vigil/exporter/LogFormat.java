package io.vigil.exporter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One logfmt line per event on stderr ({@code ts=... level=warn logger=... msg="..."}), like node_exporter. Stack
 * traces only at debug level: expected errors are one line.
 */
public final class LogFormat extends Formatter {

  private final boolean traces;

  LogFormat(boolean traces) {
    this.traces = traces;
  }

  /** Installs the format on the root logger at the given level ({@code debug}, {@code info}, {@code warn}, {@code error}). */
  public static void install(String level) {
    Level jul =
        switch (level.toLowerCase(Locale.ROOT)) {
          case "debug" -> Level.FINE;
          case "warn" -> Level.WARNING;
          case "error" -> Level.SEVERE;
          default -> Level.INFO;
        };
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler handler = new ConsoleHandler();
    handler.setFormatter(new LogFormat(jul.intValue() <= Level.FINE.intValue()));
    handler.setLevel(jul);
    root.addHandler(handler);
    root.setLevel(jul);
    // OSHI and JNA are chatty at INFO; their problems surface through collector success anyway.
    Logger.getLogger("oshi").setLevel(jul.intValue() <= Level.FINE.intValue() ? jul : Level.WARNING);
  }

  @Override
  public String format(LogRecord r) {
    StringBuilder b = new StringBuilder(160);
    b.append("ts=").append(Instant.ofEpochMilli(r.getMillis()))
        .append(" level=").append(level(r.getLevel()))
        .append(" logger=").append(shortName(r.getLoggerName()))
        .append(" msg=\"").append(formatMessage(r).replace("\"", "'").replace('\n', ' ')).append('"');
    if (r.getThrown() != null) {
      b.append(" err=\"").append(String.valueOf(r.getThrown()).replace("\"", "'")).append('"');
      if (traces) {
        StringWriter sw = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(sw));
        b.append('\n').append(sw);
      }
    }
    return b.append('\n').toString();
  }

  private static String level(Level l) {
    if (l.intValue() >= Level.SEVERE.intValue()) {
      return "error";
    }
    if (l.intValue() >= Level.WARNING.intValue()) {
      return "warn";
    }
    if (l.intValue() >= Level.INFO.intValue()) {
      return "info";
    }
    return "debug";
  }

  private static String shortName(String name) {
    if (name == null) {
      return "-";
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
