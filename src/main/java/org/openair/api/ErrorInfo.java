package org.openair.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error answer: the status, a message a person can act on, and details. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorInfo(
    int status, String error, String message, String field, List<String> details) {
  public ErrorInfo(int status, String error, String message) {
    this(status, error, message, null, null);
  }
}
