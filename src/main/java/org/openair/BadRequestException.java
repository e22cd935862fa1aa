package org.openair;

/** The request is wrong in a way its sender can fix; the API answers 400 naming the field. */
public class BadRequestException extends RuntimeException {
  private final String field;

  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, or null when the whole request is. */
  public String field() {
    return field;
  }
}
