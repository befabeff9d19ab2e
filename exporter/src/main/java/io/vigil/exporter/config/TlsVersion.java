package io.vigil.exporter.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** exporter-toolkit's TLS version names ({@code TLS10} .. {@code TLS13}) and the JSSE protocol name of each. */
public enum TlsVersion {
  TLS10("TLSv1"),
  TLS11("TLSv1.1"),
  TLS12("TLSv1.2"),
  TLS13("TLSv1.3");

  private final String jsse;

  TlsVersion(String jsse) {
    this.jsse = jsse;
  }

  /** The JSSE protocol name ({@code TLSv1.2}). */
  public String jsse() {
    return jsse;
  }

  static Optional<TlsVersion> byName(String name) {
    return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
  }

  /** The JSSE protocol names from {@code min} to {@code max}, newest first. */
  public static List<String> range(TlsVersion min, TlsVersion max) {
    return Arrays.stream(values())
        .filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0)
        .sorted((a, b) -> b.compareTo(a))
        .map(TlsVersion::jsse)
        .toList();
  }
}
