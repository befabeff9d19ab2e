package io.vigil.exporter.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * HTTP basic auth against the bcrypt hashes of {@code basic_auth_users}, as exporter-toolkit does it: an unknown user
 * is checked against a fixed hash so timing does not tell which users exist; bcrypt runs one at a time so a flood of
 * wrong passwords costs at most one core; a verified user+password is remembered (by a SHA-256 digest, never in
 * plain text) so a scrape every few seconds does not pay bcrypt's ~50-100 ms each time. Wrong passwords are never
 * cached. A new web config builds a new instance, so a removed user or changed hash takes effect at once.
 *
 * <p>Thread safety: safe for concurrent requests.
 */
final class BasicAuth {

  /** bcrypt (cost 10) of a random string nobody knows; compared for unknown users. */
  private static final byte[] DECOY =
      "$2a$10$SUXqflokn8xScweuq.iACehtYDVIjP1Yfqgcnr8/tTkxHTny/1jla".getBytes(StandardCharsets.US_ASCII);
  private static final BCrypt.Verifyer BCRYPT =
      BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));
  /** One bcrypt at a time across all instances: bounds the CPU a password-guessing client can take. */
  private static final ReentrantLock BCRYPT_LOCK = new ReentrantLock();
  static final int CACHE_SIZE = 256;

  private final Map<String, byte[]> users;
  private final Map<ByteBuffer, Boolean> verified = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  BasicAuth(Map<String, String> usersToHashes) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    usersToHashes.forEach((u, h) -> m.put(u, h.getBytes(StandardCharsets.US_ASCII)));
    this.users = Map.copyOf(m);
  }

  static final BasicAuth NONE = new BasicAuth(Map.of());

  boolean enabled() {
    return !users.isEmpty();
  }

  /** True when the {@code Authorization} header carries a known user and that user's password. */
  boolean check(String authorization) {
    if (authorization == null) {
      return false;
    }
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(space + 1).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = indexOf(decoded, (byte) ':');
    if (colon < 0) {
      return false;
    }
    String user = new String(decoded, 0, colon, StandardCharsets.UTF_8);
    byte[] password = java.util.Arrays.copyOfRange(decoded, colon + 1, decoded.length);
    byte[] hash = users.get(user);
    boolean known = hash != null;
    byte[] against = known ? hash : DECOY;
    ByteBuffer key = ByteBuffer.wrap(digest(user, against, password));
    synchronized (verified) {
      if (known && verified.containsKey(key)) {
        return true;
      }
    }
    boolean ok;
    BCRYPT_LOCK.lock();
    try {
      ok = BCRYPT.verify(password, against).verified;
    } finally {
      BCRYPT_LOCK.unlock();
    }
    if (ok && known) {
      synchronized (verified) {
        verified.put(key, Boolean.TRUE);
      }
      return true;
    }
    return false;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] digest(String user, byte[] hash, byte[] password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] u = user.getBytes(StandardCharsets.UTF_8);
      sha.update(ByteBuffer.allocate(4).putInt(u.length).array());
      sha.update(u);
      sha.update(ByteBuffer.allocate(4).putInt(hash.length).array());
      sha.update(hash);
      sha.update(password);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
    }
  }

  /** Verified entries held now (for tests). */
  int cachedEntries() {
    synchronized (verified) {
      return verified.size();
    }
  }
}
