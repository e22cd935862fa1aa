package org.openair.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.openair.config.OpenAirConfig;

/**
 * Opens IMAP sessions with bounded connect, read and write timeouts, either as a mailbox's own
 * account or as a master user acting for a mailbox.
 */
public final class ImapAccess {
  private final OpenAirConfig.MailServer server;
  private final OpenAirConfig.MasterLogin masterLogin;
  private final String masterSeparator;
  private final boolean loginWithDomain;

  public ImapAccess(
      OpenAirConfig.MailServer server,
      OpenAirConfig.MasterLogin masterLogin,
      String masterSeparator,
      boolean loginWithDomain) {
    this.server = server;
    this.masterLogin = masterLogin;
    this.masterSeparator = masterSeparator;
    this.loginWithDomain = loginWithDomain;
  }

  /** Sessions with the IMAP connector's settings: its server, master user and login form. */
  public static ImapAccess of(OpenAirConfig.Imap imap) {
    return new ImapAccess(
        imap.server(), imap.masterLogin(), imap.masterSeparator(), imap.loginWithDomain());
  }

  /** "IMAP host:port", for failure notes. */
  public String describe() {
    return "IMAP " + server.host() + ":" + port();
  }

  public int port() {
    return server.port().orElse(server.ssl() ? 993 : 143);
  }

  /** Logs in to {@code mailbox} with the configured master user. */
  public Store openAs(String mailbox) throws MessagingException {
    String user = server.user().orElseThrow(() -> new IllegalStateException("no IMAP user set"));
    String password = server.password().orElse("");
    String login = loginWithDomain ? mailbox : localPart(mailbox);
    Properties props = properties(server.timeout());
    if (masterLogin == OpenAirConfig.MasterLogin.AUTHZID) {
      props.put("mail.imap.sasl.enable", "true");
      props.put("mail.imap.sasl.mechanisms", "PLAIN");
      props.put("mail.imap.sasl.authorizationid", login);
      return connect(props, user, password);
    }
    return connect(props, login + masterSeparator + user, password);
  }

  /** Logs in as the configured user itself (a report mailbox's own account). */
  public Store openOwn(Duration readTimeout) throws MessagingException {
    String user = server.user().orElseThrow(() -> new IllegalStateException("no IMAP user set"));
    return connect(properties(readTimeout), user, server.password().orElse(""));
  }

  private Store connect(Properties props, String user, String password) throws MessagingException {
    Store store = Session.getInstance(props).getStore("imap");
    store.connect(server.host(), port(), user, password);
    return store;
  }

  private Properties properties(Duration readTimeout) {
    Properties p = new Properties();
    String ms = Long.toString(server.timeout().toMillis());
    p.put("mail.imap.connectiontimeout", ms);
    p.put("mail.imap.timeout", Long.toString(readTimeout.toMillis()));
    p.put("mail.imap.writetimeout", ms);
    p.put("mail.imap.ssl.enable", Boolean.toString(server.ssl()));
    p.put("mail.imap.starttls.enable", Boolean.toString(server.starttls()));
    p.put("mail.imap.starttls.required", Boolean.toString(server.starttls()));
    p.put("mail.imap.ssl.checkserveridentity", "true");
    return p;
  }

  static String localPart(String mailbox) {
    int at = mailbox.lastIndexOf('@');
    return (at < 0 ? mailbox : mailbox.substring(0, at)).toLowerCase(Locale.ROOT);
  }
}
