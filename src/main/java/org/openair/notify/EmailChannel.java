package org.openair.notify;

import java.util.List;

/** Approvers by email, one message per batch. */
public final class EmailChannel implements NotificationChannel {
  private final Mailer mailer;
  private final List<String> to;

  public EmailChannel(Mailer mailer, List<String> to) {
    this.mailer = mailer;
    this.to = List.copyOf(to);
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void send(PendingDigest digest) throws Mailer.MailException {
    mailer.send(new Mailer.Mail(to, digest.title(), digest.text(), null));
  }
}
