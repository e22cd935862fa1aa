package org.openair.notify;

/** One way of telling approvers that actions wait. */
public interface NotificationChannel {
  /** A short name for logs, e.g. {@code slack}. */
  String name();

  /** Delivers the digest; throws when it could not. */
  void send(PendingDigest digest) throws Exception;
}
