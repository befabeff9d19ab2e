package io.vigil.exporter.server.tls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The little DER (ASN.1) this package needs to turn PKCS#1 and SEC1 private keys into PKCS#8: read one
 * tag-length-value at a time, write a constructed value from parts. Every read is bounds-checked and throws
 * {@link DerException} on malformed input.
 */
final class Der {

  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;
  /** {@code [0]} EXPLICIT, constructed. */
  static final int CONTEXT_0 = 0xA0;

  private Der() {}

  /** Malformed DER. */
  static final class DerException extends Exception {
    DerException(String message) {
      super(message);
    }
  }

  /** One value: its tag and its content bytes. */
  record Value(int tag, byte[] content) {
    /** The values inside a constructed value (a SEQUENCE, an explicit tag). */
    Reader children() {
      return new Reader(content);
    }
  }

  /** Reads consecutive values from a byte array. */
  static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    boolean hasMore() {
      return pos < buf.length;
    }

    Value next() throws DerException {
      if (pos + 2 > buf.length) {
        throw new DerException("truncated DER value at offset " + pos);
      }
      int tag = buf[pos++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        throw new DerException("multi-byte DER tags are not supported");
      }
      int first = buf[pos++] & 0xFF;
      long length;
      if (first < 0x80) {
        length = first;
      } else {
        int n = first & 0x7F;
        if (n == 0 || n > 4) {
          throw new DerException("unsupported DER length encoding");
        }
        if (pos + n > buf.length) {
          throw new DerException("truncated DER length");
        }
        length = 0;
        for (int i = 0; i < n; i++) {
          length = (length << 8) | (buf[pos++] & 0xFF);
        }
      }
      if (length > buf.length - pos) {
        throw new DerException("DER length " + length + " runs past the end of the data");
      }
      byte[] content = Arrays.copyOfRange(buf, pos, pos + (int) length);
      pos += (int) length;
      return new Value(tag, content);
    }

    Value expect(int tag, String what) throws DerException {
      Value v = next();
      if (v.tag() != tag) {
        throw new DerException("expected " + what + ", found DER tag 0x" + Integer.toHexString(v.tag()));
      }
      return v;
    }
  }

  /** Encodes a value with the given tag and content. */
  static byte[] encode(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      content.writeBytes(p);
    }
    byte[] body = content.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 6);
    out.write(tag);
    int len = body.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The whole encoding (tag, length, content) of a value read earlier. */
  static byte[] reencode(Value v) {
    return encode(v.tag(), v.content());
  }

  /** An OBJECT IDENTIFIER's content bytes as dotted text, e.g. {@code 1.2.840.10045.2.1}. */
  static String oid(byte[] content) throws DerException {
    if (content.length == 0) {
      throw new DerException("empty OBJECT IDENTIFIER");
    }
    StringBuilder b = new StringBuilder();
    long value = 0;
    boolean first = true;
    for (int i = 0; i < content.length; i++) {
      int octet = content[i] & 0xFF;
      if (value > (Long.MAX_VALUE >> 7)) {
        throw new DerException("OBJECT IDENTIFIER component too large");
      }
      value = (value << 7) | (octet & 0x7F);
      if ((octet & 0x80) == 0) {
        if (first) {
          long top = Math.min(value / 40, 2);
          b.append(top).append('.').append(value - top * 40);
          first = false;
        } else {
          b.append('.').append(value);
        }
        value = 0;
      } else if (i == content.length - 1) {
        throw new DerException("truncated OBJECT IDENTIFIER");
      }
    }
    return b.toString();
  }

  /** The content bytes of a dotted OBJECT IDENTIFIER (for the few fixed ones we write). */
  static byte[] oidContent(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeBase128(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      writeBase128(out, Long.parseLong(parts[i]));
    }
    return out.toByteArray();
  }

  private static void writeBase128(ByteArrayOutputStream out, long v) {
    int groups = 1;
    for (long t = v >>> 7; t != 0; t >>>= 7) {
      groups++;
    }
    for (int g = groups - 1; g >= 0; g--) {
      int b = (int) ((v >>> (7 * g)) & 0x7F);
      out.write(g == 0 ? b : b | 0x80);
    }
  }
}
