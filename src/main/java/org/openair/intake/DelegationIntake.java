package org.openair.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openair.BadRequestException;
import org.openair.audit.AuditLog;
import org.openair.domain.Delegation;
import org.openair.investigation.OrganisationSettings;
import org.openair.store.ActivityStore;

/**
 * Takes mailbox delegations that another system reports (an export of Exchange mailbox permissions,
 * a directory, a script reading a server OpenAIR cannot reach over IMAP), for mail systems whose
 * ACLs OpenAIR does not read itself.
 */
@ApplicationScoped
public class DelegationIntake {
  /** RFC 4314 rights letters, the obsolete {@code c} and {@code d} included. */
  static final String RIGHTS = "lrswipkxteacd";

  private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final int MAX_FOLDER = 400;

  private final ActivityStore activity;
  private final OrganisationSettings organisation;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public DelegationIntake(
      ActivityStore activity, OrganisationSettings organisation, AuditLog audit, Clock clock) {
    this.activity = activity;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** A delegation as another system reports it; {@code folder} defaults to INBOX. */
  public record Request(String delegate, String rights, String folder, Instant grantedAt) {}

  /** Validates and stores one grant on {@code mailbox}; the same grant again updates it. */
  public Delegation record(String mailbox, Request request, String actor) {
    String box = address("mailbox", mailbox);
    if (request == null) {
      throw new BadRequestException(null, "the body must be a JSON delegation");
    }
    String delegate = delegate(request.delegate());
    if (delegate.equals(box)) {
      throw new BadRequestException("delegate", "'delegate' is the mailbox's owner");
    }
    String rights = rights(request.rights());
    String folder = request.folder() == null ? "INBOX" : request.folder().strip();
    if (folder.isEmpty() || folder.length() > MAX_FOLDER) {
      throw new BadRequestException(
          "folder", "'folder' must be 1 to " + MAX_FOLDER + " characters (default INBOX)");
    }
    Instant now = clock.instant();
    if (request.grantedAt() != null && request.grantedAt().isAfter(now)) {
      throw new BadRequestException("grantedAt", "'grantedAt' is in the future");
    }
    boolean external = Delegation.externalTo(delegate, organisation.current());
    Delegation stored =
        activity.saveDelegation(
            new Delegation(null, box, delegate, rights, folder, external, null),
            request.grantedAt(),
            now);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("mailbox", box);
    state.put("folder", folder);
    state.put("delegate", delegate);
    state.put("rights", stored.getRights());
    state.put("grantedAt", stored.getGrantedAt().toString());
    audit.record(actor, "delegation.received", "delegation", stored.getId(), null, state);
    return stored;
  }

  /** A mailbox address, lower case; 400 naming {@code field} otherwise. */
  public static String address(String field, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!ADDRESS.matcher(v).matches()) {
      throw new BadRequestException(field, "'" + field + "' must be an email address");
    }
    return v;
  }

  private static String delegate(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("anyone") || v.equals("authenticated")) {
      return v;
    }
    if (!ADDRESS.matcher(v).matches()) {
      throw new BadRequestException(
          "delegate", "'delegate' must be an email address, 'anyone' or 'authenticated'");
    }
    return v;
  }

  private static String rights(String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new BadRequestException(
          "rights", "'rights' must be RFC 4314 rights letters, e.g. \"lrs\" to read");
    }
    StringBuilder unknown = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (RIGHTS.indexOf(c) < 0 && unknown.indexOf(String.valueOf(c)) < 0) {
        unknown.append(c);
      }
    }
    if (unknown.length() > 0) {
      throw new BadRequestException(
          "rights",
          "'rights' has letters that are not RFC 4314 rights: '"
              + unknown
              + "' (known: "
              + RIGHTS
              + ")");
    }
    return Delegation.normalizeRights(v);
  }
}
