package org.openair.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.openair.config.OpenAirConfig;

/** Sends plain-text mail through the configured SMTP server (Eclipse Angus Mail). */
@ApplicationScoped
public class Mailer {

  /** Where and how to send. */
  public record Settings(
      Optional<String> host,
      int port,
      String from,
      Optional<String> username,
      Optional<String> password,
      boolean starttls,
      Duration timeout) {}

  /** A message; {@code messageId} (without angle brackets) lets receivers spot a resend. */
  public record Mail(List<String> to, String subject, String text, String messageId) {}

  /** Sending failed; {@code retryable} when trying later may work (server down). */
  public static class MailException extends Exception {
    private final boolean retryable;

    public MailException(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final Settings settings;
  private final Clock clock;

  @Inject
  public Mailer(OpenAirConfig config, Clock clock) {
    this(
        new Settings(
            config.smtp().host().filter(h -> !h.isBlank()),
            config.smtp().port(),
            config.smtp().from(),
            config.smtp().username().filter(u -> !u.isBlank()),
            config.smtp().password(),
            config.smtp().starttls(),
            config.smtp().timeout()),
        clock);
  }

  public Mailer(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** True when an SMTP host is configured. */
  public boolean configured() {
    return settings.host().isPresent();
  }

  public void send(Mail mail) throws MailException {
    if (!configured()) {
      throw new MailException("no SMTP host configured (openair.smtp.host)", false, null);
    }
    try {
      MimeMessage message = new IdentifiedMessage(session(), mail.messageId());
      message.setFrom(new InternetAddress(settings.from()));
      for (String to : mail.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.text(), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      Transport.send(message);
    } catch (AddressException e) {
      throw new MailException("bad address: " + e.getMessage(), false, e);
    } catch (AuthenticationFailedException e) {
      throw new MailException("SMTP login refused: " + e.getMessage(), false, e);
    } catch (SendFailedException e) {
      // A 4xx reply (mailbox busy, greylisting) may pass; a 5xx refusal will not.
      boolean temporary =
          e instanceof SMTPSendFailedException s
              ? s.getReturnCode() >= 400 && s.getReturnCode() < 500
              : e.getValidUnsentAddresses() != null && e.getValidUnsentAddresses().length > 0;
      throw new MailException("SMTP refused the message: " + e.getMessage(), temporary, e);
    } catch (MessagingException e) {
      throw new MailException("SMTP failed: " + e.getMessage(), causedByIo(e), e);
    }
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
      if (t instanceof MessagingException m && m.getNextException() instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private Session session() {
    String ms = Long.toString(settings.timeout().toMillis());
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.host().orElseThrow());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.connectiontimeout", ms);
    p.put("mail.smtp.timeout", ms);
    p.put("mail.smtp.writetimeout", ms);
    if (settings.starttls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    Authenticator auth = null;
    if (settings.username().isPresent()) {
      p.put("mail.smtp.auth", "true");
      String user = settings.username().get();
      String password = settings.password().orElse("");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    return Session.getInstance(p, auth);
  }

  /** A message whose Message-ID is ours, so a resend after a restart carries the same one. */
  private static final class IdentifiedMessage extends MimeMessage {
    private final String messageId;

    IdentifiedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (messageId == null) {
        super.updateMessageID();
      } else {
        setHeader("Message-ID", "<" + messageId + ">");
      }
    }
  }
}
