package org.openair.action.connector;

/**
 * What a connector did: done, already done (the target was gone or changed before), a failure worth
 * retrying (server down), or a failure that retrying cannot fix (wrong password, refused).
 */
public record ConnectorResult(Outcome outcome, String note) {

  public enum Outcome {
    DONE,
    ALREADY_DONE,
    RETRYABLE_FAILURE,
    PERMANENT_FAILURE
  }

  public static ConnectorResult done(String note) {
    return new ConnectorResult(Outcome.DONE, note);
  }

  public static ConnectorResult alreadyDone(String note) {
    return new ConnectorResult(Outcome.ALREADY_DONE, note);
  }

  public static ConnectorResult retry(String note) {
    return new ConnectorResult(Outcome.RETRYABLE_FAILURE, note);
  }

  public static ConnectorResult failed(String note) {
    return new ConnectorResult(Outcome.PERMANENT_FAILURE, note);
  }

  public boolean succeeded() {
    return outcome == Outcome.DONE || outcome == Outcome.ALREADY_DONE;
  }
}
