package io.vigil.exporter.source;

/** The {@code uname(2)} fields, as {@code node_uname_info} labels them. */
public record Uname(
    String sysname, String nodename, String release, String version, String machine, String domainname) {}
