package io.vigil.exporter.source.oshi;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stand-ins for OSHI's interfaces (HWDiskStore, NetworkIF, OSFileStore, ...) so the per-platform mapping can be
 * tested on any build host: each method answers the value given for its name (a {@link Supplier} is called on every
 * invocation); any other method fails the test.
 */
final class OshiFakes {

  private OshiFakes() {}

  static <T> T fake(Class<T> type, Map<String, ?> answers) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getName().equals("toString") && method.getParameterCount() == 0) {
        return "fake " + type.getSimpleName() + answers.keySet();
      }
      if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
        return System.identityHashCode(self);
      }
      if (method.getName().equals("equals") && method.getParameterCount() == 1) {
        return self == args[0];
      }
      if (!answers.containsKey(method.getName())) {
        throw new AssertionError("unexpected call " + type.getSimpleName() + "." + method.getName());
      }
      Object answer = answers.get(method.getName());
      return answer instanceof Supplier<?> s ? s.get() : answer;
    });
    return type.cast(proxy);
  }
}
