package org.openair;

/** Something the request named does not exist; the API answers 404 with the message. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
