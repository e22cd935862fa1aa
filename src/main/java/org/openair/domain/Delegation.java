package org.openair.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * Rights that a mailbox's owner (or whoever holds the owner's password) gave someone else on one
 * folder: IMAP ACL (RFC 4314) on Dovecot and Cyrus, mailbox permissions elsewhere. Rights are RFC
 * 4314 letters: {@code l} lookup, {@code r} read, {@code s} keep seen, {@code w} write flags,
 * {@code i} insert, {@code p} post, {@code k} create folders, {@code x} delete folder, {@code t}
 * delete messages, {@code e} expunge, {@code a} administer (change the ACL itself).
 */
public class Delegation {
  /** The rights that together give a delegate everything the owner has on the folder. */
  public static final String FULL_RIGHTS = "lrswipkxtea";

  private final String id;
  private final String mailbox;
  private final String delegate;
  private final String rights;
  private final String folder;
  private final boolean external;
  private final Instant grantedAt;

  /**
   * @param rights RFC 4314 letters in any order; kept sorted and without repeats
   * @param grantedAt when the grant was made, or first seen by OpenAIR when the server does not say
   */
  public Delegation(
      String id,
      String mailbox,
      String delegate,
      String rights,
      String folder,
      boolean external,
      Instant grantedAt) {
    this.id = id;
    this.mailbox = mailbox;
    this.delegate = delegate;
    this.rights = normalizeRights(rights);
    this.folder = folder;
    this.external = external;
    this.grantedAt = grantedAt;
  }

  /**
   * Whether {@code delegate} is outside {@code org}: {@code anyone} (anonymous users included) is,
   * {@code authenticated} (every user of the mail system) is not, an address by its domain.
   */
  public static boolean externalTo(String delegate, Organisation org) {
    if ("anyone".equals(delegate)) {
      return true;
    }
    return !"authenticated".equals(delegate) && !org.isInternalAddress(delegate);
  }

  /** Rights letters, lower case, sorted, each once; null for null. */
  public static String normalizeRights(String rights) {
    if (rights == null) {
      return null;
    }
    return rights
        .toLowerCase(Locale.ROOT)
        .chars()
        .distinct()
        .sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  public String getId() {
    return id;
  }

  /** The owner's mailbox address. */
  public String getMailbox() {
    return mailbox;
  }

  /** Who was given the rights: an address, or {@code anyone} / {@code authenticated}. */
  public String getDelegate() {
    return delegate;
  }

  public String getRights() {
    return rights;
  }

  /** The folder the rights apply to, e.g. {@code INBOX}. */
  public String getFolder() {
    return folder;
  }

  /** True when the delegate is outside the organisation's accepted domains (or is anyone). */
  public boolean isExternal() {
    return external;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  /** True when the delegate can read the folder's messages. */
  public boolean isReadAccess() {
    return has('r');
  }

  /** True when the delegate may change the folder's ACL, and so give itself or others anything. */
  public boolean isAdminister() {
    return has('a');
  }

  /** True when the delegate holds every right of {@link #FULL_RIGHTS}. */
  public boolean isFullAccess() {
    return FULL_RIGHTS.chars().allMatch(this::has);
  }

  private boolean has(int right) {
    return rights != null && rights.indexOf(right) >= 0;
  }

  @Override
  public String toString() {
    return "Delegation[" + mailbox + " " + folder + " -> " + delegate + " " + rights + "]";
  }
}
