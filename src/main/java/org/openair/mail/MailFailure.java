package org.openair.mail;

import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns a mail client's exception into a sentence and whether trying again can help. */
public record MailFailure(String reason, boolean retryable) {

  /** Classifies {@code e} met while talking to {@code server} (e.g. "IMAP 10.0.0.5:143"). */
  public static MailFailure of(String server, Throwable e) {
    if (causedBy(e, AuthenticationFailedException.class) != null
        || causedBy(e, LoginRefused.class) != null) {
      return new MailFailure(server + " refused the login: " + message(e), false);
    }
    if (causedBy(e, ManageSieveClient.SieveException.class) != null) {
      return new MailFailure(server + " refused: " + message(e), false);
    }
    if (causedBy(e, UnknownHostException.class) != null) {
      return new MailFailure(server + ": unknown host " + message(e), true);
    }
    if (causedBy(e, ConnectException.class) != null) {
      return new MailFailure(server + " is not reachable: " + message(e), true);
    }
    if (causedBy(e, SocketTimeoutException.class) != null) {
      return new MailFailure(server + " did not answer in time: " + message(e), true);
    }
    if (causedBy(e, IOException.class) != null) {
      return new MailFailure(server + ": connection failed: " + message(e), true);
    }
    return new MailFailure(server + ": " + message(e), false);
  }

  private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  /** The innermost message worth reading, without the exception class names. */
  private static String message(Throwable e) {
    String best = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        best = t.getMessage().strip();
      }
    }
    return best == null ? e.getClass().getSimpleName() : best;
  }

  /** A server said no to the credentials (ManageSieve's and clamd's own protocols). */
  public static class LoginRefused extends IOException {
    public LoginRefused(String message) {
      super(message);
    }
  }
}
