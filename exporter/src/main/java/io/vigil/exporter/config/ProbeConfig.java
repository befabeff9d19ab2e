package io.vigil.exporter.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Probes ({@code probes}): blackbox_exporter-style modules, the targets probed on every scrape of {@code /metrics},
 * and what {@code /probe} may be asked for.
 *
 * @param modules probe modules by name
 * @param targets probed at scrape time, reported with labels {@code probe} and {@code target}
 * @param allowedTargets when not empty, {@code /probe} accepts only targets matching one of these (whole-string
 *     match); configured {@code targets} are always allowed
 */
public record ProbeConfig(Map<String, Module> modules, List<Target> targets, List<Pattern> allowedTargets) {

  public static final ProbeConfig DEFAULT = new ProbeConfig(Map.of(), List.of(), List.of());

  public ProbeConfig {
    modules = Map.copyOf(modules);
    targets = List.copyOf(targets);
    allowedTargets = List.copyOf(allowedTargets);
  }

  /** Which prober a module uses. */
  public enum Prober {
    TCP,
    HTTP
  }

  /**
   * One module.
   *
   * @param timeout longest time one probe may take (also capped by the scrape deadline)
   * @param preferIpv6 blackbox_exporter's {@code preferred_ip_protocol: ip6} (its default): use an IPv6 address
   *     when the name has one, else IPv4
   * @param http HTTP options (ignored by the TCP prober)
   */
  public record Module(String name, Prober prober, Duration timeout, boolean preferIpv6, HttpOptions http) {}

  /**
   * HTTP prober options.
   *
   * @param validStatusCodes accepted status codes; empty means 2xx
   * @param method request method
   * @param headers request headers
   * @param failIfBodyNotMatches every regex must find a match in the body
   * @param failIfBodyMatches no regex may find a match in the body
   * @param tlsVerify verify the server certificate and host name (blackbox's {@code insecure_skip_verify}
   *     inverted)
   * @param allowedSchemes schemes a target may use
   * @param followRedirects follow up to 10 redirects
   * @param maxBodyBytes most body bytes read (and matched)
   */
  public record HttpOptions(
      Set<Integer> validStatusCodes,
      String method,
      Map<String, String> headers,
      List<Pattern> failIfBodyNotMatches,
      List<Pattern> failIfBodyMatches,
      boolean tlsVerify,
      Set<String> allowedSchemes,
      boolean followRedirects,
      int maxBodyBytes) {

    public static final HttpOptions DEFAULT =
        new HttpOptions(Set.of(), "GET", Map.of(), List.of(), List.of(), true, Set.of("http", "https"), true,
            1 << 20);

    public HttpOptions {
      validStatusCodes = Set.copyOf(validStatusCodes);
      headers = Map.copyOf(headers);
      failIfBodyNotMatches = List.copyOf(failIfBodyNotMatches);
      failIfBodyMatches = List.copyOf(failIfBodyMatches);
      allowedSchemes = Set.copyOf(allowedSchemes);
    }
  }

  /** A target probed on every scrape. */
  public record Target(String name, String module, String target) {}
}
