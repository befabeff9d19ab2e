package io.vigil.exporter;

import com.sun.jna.Native;
import io.vigil.exporter.source.procfs.LinuxSources;
import java.util.logging.Logger;

/**
 * Loads JNA's native part on a background thread while the rest of start-up goes on. Its first use (statvfs for the
 * filesystem collector, uname, OSHI elsewhere) unpacks and loads {@code libjnidispatch}, ~60 ms that the first
 * collection would otherwise wait for; on the second CPU it overlaps configuration and collector set-up instead. On
 * Linux it also binds the sources' native calls, whose JNA proxies took another ~30 ms of the first collection.
 */
final class NativePreload {

  private static final Logger LOG = Logger.getLogger(NativePreload.class.getName());

  private NativePreload() {}

  static void start() {
    Thread t = new Thread(() -> {
      try {
        int pointerSize = Native.POINTER_SIZE; // reading it runs JNA's static set-up: the library load
        if (Exporter.isLinux()) {
          LinuxSources.preloadNativeBindings();
        }
        LOG.fine(() -> "JNA loaded, pointer size " + pointerSize);
      } catch (LinkageError e) {
        // The collectors that need JNA report it themselves (success 0) when they run.
        LOG.fine(() -> "JNA not available: " + e);
      }
    }, "vigil-native-preload");
    t.setDaemon(true);
    t.start();
  }
}
