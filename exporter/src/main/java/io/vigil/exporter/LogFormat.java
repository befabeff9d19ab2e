package io.vigil.exporter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  // Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets the level set on it.
  private static final Logger OSHI = Logger.getLogger("oshi");
  private static final Logger JNA = Logger.getLogger("com.sun.jna");

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
    // OSHI and JNA repeat a failed native call's warning on every scrape; their problems surface through collector
    // success anyway, so each distinct line is shown once an hour.
    handler.setFilter(new RepeatFilter(List.of(OSHI.getName(), JNA.getName()), Duration.ofHours(1), System::nanoTime));
    root.addHandler(handler);
    root.setLevel(jul);
    // OSHI and JNA are chatty at INFO.
    Level quiet = jul.intValue() <= Level.FINE.intValue() ? jul : Level.WARNING;
    OSHI.setLevel(quiet);
    JNA.setLevel(quiet);
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
