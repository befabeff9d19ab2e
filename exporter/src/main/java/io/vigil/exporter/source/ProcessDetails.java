package io.vigil.exporter.source;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is read only for processes that belong to a process group. On Linux from {@code /proc/[pid]/status},
 * {@code io}, {@code fd/} and {@code limits}; a file the exporter may not read (another user's {@code io} or
 * {@code fd} without privileges) leaves its fields absent.
 *
 * @param user the owner's user name (real uid), or the uid as text when it has no name
 * @param swappedBytes {@code VmSwap}
 * @param voluntaryContextSwitches {@code voluntary_ctxt_switches}
 * @param nonvoluntaryContextSwitches {@code nonvoluntary_ctxt_switches}
 * @param readBytes {@code read_bytes} of {@code io}: bytes fetched from storage
 * @param writeBytes {@code write_bytes} of {@code io}: bytes sent to storage
 * @param openFds entries of {@code fd/}
 * @param maxFds soft limit of {@code Max open files}
 */
public record ProcessDetails(
    Optional<String> user,
    OptionalLong swappedBytes,
    OptionalLong voluntaryContextSwitches,
    OptionalLong nonvoluntaryContextSwitches,
    OptionalLong readBytes,
    OptionalLong writeBytes,
    OptionalLong openFds,
    OptionalLong maxFds) {}
