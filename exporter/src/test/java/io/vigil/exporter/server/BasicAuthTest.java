package io.vigil.exporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.vigil.exporter.testing.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

  private static final String HASH = new String(BCrypt.withDefaults().hash(4, "s3cret".toCharArray()));

  @Test
  void verifiesAgainstBcryptAndCachesOnlySuccess() {
    BasicAuth auth = new BasicAuth(Map.of("prometheus", HASH));
    assertThat(auth.check(RawHttp.basic("prometheus", "wrong"))).isFalse();
    assertThat(auth.cachedEntries()).isZero();
    assertThat(auth.check(RawHttp.basic("prometheus", "s3cret"))).isTrue();
    assertThat(auth.check(RawHttp.basic("prometheus", "s3cret"))).isTrue();
    assertThat(auth.cachedEntries()).isEqualTo(1);
    assertThat(auth.check(RawHttp.basic("prometheus", "s3cret2"))).isFalse();
    assertThat(auth.cachedEntries()).isEqualTo(1);
  }

  /** A cached entry is not a shortcut for anyone else: the key covers user, stored hash and password. */
  @Test
  void cacheDoesNotLetAnotherUserOrPasswordIn() {
    BasicAuth auth = new BasicAuth(Map.of("a", HASH, "b", new String(BCrypt.withDefaults().hash(4,
        "other".toCharArray()))));
    assertThat(auth.check(RawHttp.basic("a", "s3cret"))).isTrue();
    assertThat(auth.check(RawHttp.basic("b", "s3cret"))).isFalse();
    assertThat(auth.check(RawHttp.basic("c", "s3cret"))).isFalse();
  }

  @Test
  void cacheIsBounded() {
    String prefix = "p".repeat(72);
    BasicAuth auth = new BasicAuth(Map.of("u", new String(BCrypt.withDefaults().hash(4, prefix.toCharArray()))));
    for (int i = 0; i < BasicAuth.CACHE_SIZE + 10; i++) {
      // bcrypt reads 72 bytes: these all verify, and each is a distinct cache entry.
      assertThat(auth.check(RawHttp.basic("u", prefix + i))).isTrue();
    }
    assertThat(auth.cachedEntries()).isEqualTo(BasicAuth.CACHE_SIZE);
  }

  @Test
  void passwordsMayContainColonsAndUtf8() {
    String hash = new String(BCrypt.withDefaults().hash(4, "pa:ss wörd".toCharArray()));
    BasicAuth auth = new BasicAuth(Map.of("user", hash));
    assertThat(auth.check(RawHttp.basic("user", "pa:ss wörd"))).isTrue();
  }

  @Test
  void acceptsTheHashVariantsHtpasswdAndGoWrite() {
    String a = new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(4, "x".toCharArray()));
    String b = new String(BCrypt.with(BCrypt.Version.VERSION_2B).hash(4, "x".toCharArray()));
    String y = new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(4, "x".toCharArray()));
    for (String h : new String[] {a, b, y}) {
      assertThat(new BasicAuth(Map.of("u", h)).check(RawHttp.basic("u", "x"))).as(h).isTrue();
    }
  }

  @Test
  void noUsersMeansDisabled() {
    assertThat(BasicAuth.NONE.enabled()).isFalse();
    assertThat(new BasicAuth(Map.of("u", HASH)).enabled()).isTrue();
  }
}
