package io.vigil.exporter.source;

import java.io.IOException;

/** The platform's source cannot supply this kind of data at all (as opposed to a failed read). */
public final class UnsupportedSourceException extends IOException {
  public UnsupportedSourceException(String message) {
    super(message);
  }
}
