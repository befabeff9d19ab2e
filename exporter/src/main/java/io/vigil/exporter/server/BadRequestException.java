package io.vigil.exporter.server;

/** A request we refuse with HTTP 400 and this message. */
final class BadRequestException extends Exception {
  BadRequestException(String message) {
    super(message);
  }
}
