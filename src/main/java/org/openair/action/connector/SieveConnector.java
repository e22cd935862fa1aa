package org.openair.action.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.openair.action.ActionRecord;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.domain.InboxRule;
import org.openair.investigation.OrganisationSettings;
import org.openair.mail.MailFailure;
import org.openair.mail.ManageSieveClient;
import org.openair.store.ActivityStore;

/**
 * Reads mailboxes' Sieve scripts over ManageSieve as forwarding rules, and removes the scripts that
 * forward when a remove-inbox-rule or disable-external-forwarding action is approved.
 *
 * <p>A Sieve script is the unit a user (or an attacker with the user's password) uploads, so a
 * script that redirects is one {@link InboxRule} per redirect address, named after the script;
 * removing the rule deletes the script. Dovecot refuses to delete the active script, so it is
 * deactivated first.
 */
@ApplicationScoped
public class SieveConnector implements Connector {
  /** Ids of rules read from Sieve start with this, so a sync only replaces its own rules. */
  public static final String ID_PREFIX = "sieve-";

  private static final Logger LOG = Logger.getLogger(SieveConnector.class);
  private static final Pattern REDIRECT =
      Pattern.compile("\\bredirect\\s+(?::copy\\s+)?\"([^\"]+)\"\\s*;", Pattern.CASE_INSENSITIVE);

  private final OpenAirConfig.Sieve config;
  private final ActivityStore activity;
  private final OrganisationSettings organisation;
  private final Clock clock;

  @Inject
  public SieveConnector(
      OpenAirConfig config,
      ActivityStore activity,
      OrganisationSettings organisation,
      Clock clock) {
    this.config = config.connectors().sieve();
    this.activity = activity;
    this.organisation = organisation;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "sieve";
  }

  @Override
  public Set<ActionType> supports() {
    return config.enabled()
        ? Set.of(ActionType.REMOVE_INBOX_RULE, ActionType.DISABLE_EXTERNAL_FORWARDING)
        : Set.of();
  }

  public boolean enabled() {
    return config.enabled();
  }

  /**
   * The mailbox's forwarding rules as on the server now, stored so later investigations and the
   * action that removes one can refer to them by id. When the server cannot be read, the rules
   * stored last time.
   */
  public List<InboxRule> refreshRules(String mailbox) {
    if (!config.enabled()) {
      return activity.inboxRules(mailbox);
    }
    try (ManageSieveClient sieve = open(mailbox)) {
      List<InboxRule> current = new ArrayList<>();
      for (ManageSieveClient.Script script : sieve.listScripts()) {
        for (String target : redirects(sieve.getScript(script.name()))) {
          current.add(
              new InboxRule(
                  null,
                  mailbox,
                  script.name(),
                  target,
                  !organisation.current().isInternalAddress(target),
                  script.active(),
                  null));
        }
      }
      return activity.syncInboxRules(mailbox, ID_PREFIX, current, clock.instant());
    } catch (IOException | RuntimeException e) {
      LOG.warnf("sieve rules of %s: %s", mailbox, MailFailure.of(describe(), e).reason());
      return activity.inboxRules(mailbox);
    }
  }

  /** The addresses a Sieve script redirects mail to. */
  static List<String> redirects(String script) {
    List<String> out = new ArrayList<>();
    Matcher m = REDIRECT.matcher(script.replaceAll("(?m)#.*$", ""));
    while (m.find()) {
      String address = m.group(1).strip().toLowerCase(Locale.ROOT);
      if (!out.contains(address)) {
        out.add(address);
      }
    }
    return out;
  }

  @Override
  public ConnectorResult execute(ActionRecord action) {
    String mailbox;
    List<String> scripts = new ArrayList<>();
    boolean externalOnly;
    if (action.type() == ActionType.REMOVE_INBOX_RULE) {
      Optional<InboxRule> rule = activity.inboxRule(action.target());
      if (rule.isEmpty()) {
        return ConnectorResult.alreadyDone("rule " + action.target() + " is no longer known");
      }
      mailbox = rule.get().getMailbox();
      scripts.add(rule.get().getName());
      externalOnly = false;
    } else if (action.type() == ActionType.DISABLE_EXTERNAL_FORWARDING) {
      mailbox = action.target().strip().toLowerCase(Locale.ROOT);
      externalOnly = true;
    } else {
      return ConnectorResult.failed("sieve cannot carry out " + action.type().code());
    }
    try (ManageSieveClient sieve = open(mailbox)) {
      List<ManageSieveClient.Script> present = sieve.listScripts();
      if (externalOnly) {
        for (ManageSieveClient.Script s : present) {
          boolean forwardsOut =
              redirects(sieve.getScript(s.name())).stream()
                  .anyMatch(a -> !organisation.current().isInternalAddress(a));
          if (forwardsOut) {
            scripts.add(s.name());
          }
        }
      }
      List<String> removed = new ArrayList<>();
      for (String name : scripts) {
        Optional<ManageSieveClient.Script> script =
            present.stream().filter(s -> s.name().equals(name)).findFirst();
        if (script.isEmpty()) {
          continue;
        }
        if (script.get().active()) {
          sieve.setActive("");
        }
        sieve.deleteScript(name);
        removed.add(name + (script.get().active() ? " (was active)" : ""));
      }
      refreshRules(mailbox);
      if (removed.isEmpty()) {
        return ConnectorResult.alreadyDone(
            mailbox
                + ": "
                + (externalOnly
                    ? "no Sieve script forwards outside the organisation"
                    : "Sieve script '" + scripts.get(0) + "' is already gone"));
      }
      return ConnectorResult.done(mailbox + ": deleted Sieve script " + String.join(", ", removed));
    } catch (IOException | RuntimeException e) {
      MailFailure failure = MailFailure.of(describe() + " as " + mailbox, e);
      LOG.warnf("sieve %s: %s", action.id(), failure.reason());
      return failure.retryable()
          ? ConnectorResult.retry(failure.reason())
          : ConnectorResult.failed(failure.reason());
    }
  }

  /** Opens a ManageSieve session for {@code mailbox} through the master user. */
  public ManageSieveClient open(String mailbox) throws IOException {
    OpenAirConfig.MailServer s = config.server();
    String user = s.user().orElseThrow(() -> new IllegalStateException("no Sieve user set"));
    String login = config.loginWithDomain() ? mailbox : localPart(mailbox);
    boolean authzid = config.masterLogin() == OpenAirConfig.MasterLogin.AUTHZID;
    return ManageSieveClient.connect(
        s.host(),
        port(),
        s.starttls(),
        s.timeout(),
        authzid ? login : "",
        authzid ? user : login + config.masterSeparator() + user,
        s.password().orElse(""));
  }

  private int port() {
    return config.server().port().orElse(4190);
  }

  private String describe() {
    return "ManageSieve " + config.server().host() + ":" + port();
  }

  private static String localPart(String mailbox) {
    int at = mailbox.lastIndexOf('@');
    return at < 0 ? mailbox : mailbox.substring(0, at);
  }
}
