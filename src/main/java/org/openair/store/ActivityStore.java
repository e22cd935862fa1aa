package org.openair.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.openair.domain.Click;
import org.openair.domain.Delegation;
import org.openair.domain.InboxRule;

/**
 * What users did with their mail: clicks on links, the rules set on their mailboxes and the rights
 * they gave others on them.
 */
@ApplicationScoped
public class ActivityStore {
  private final Db db;

  @Inject
  public ActivityStore(Db db) {
    this.db = db;
  }

  public void saveClick(Click click) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into clicks (id, url, url_key, user_name, clicked_at, message_id,"
                      + " blocked) values (?,?,?,?,?,?,?)")) {
            ps.setString(1, Ids.next("clk"));
            ps.setString(2, click.getUrl());
            ps.setString(3, MessageStore.urlKey(click.getUrl()));
            ps.setString(4, click.getUser().toLowerCase(Locale.ROOT));
            ps.setTimestamp(5, Timestamp.from(click.getClickedAt()));
            ps.setString(6, click.getMessageId());
            ps.setBoolean(7, click.isBlocked());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Clicks on exactly this URL since {@code since}. */
  public List<Click> clicks(String url, Instant since) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select url, user_name, clicked_at, message_id, blocked from clicks"
                      + " where url_key = ? and clicked_at >= ? order by clicked_at")) {
            ps.setString(1, MessageStore.urlKey(url));
            ps.setTimestamp(2, Timestamp.from(since));
            List<Click> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Click(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getBoolean(5)));
              }
            }
            return out;
          }
        });
  }

  public void saveInboxRule(InboxRule rule) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into inbox_rules (id, mailbox, name, forward_to, external, enabled,"
                      + " created_at) values (?,?,?,?,?,?,?)")) {
            ps.setString(1, rule.getId());
            ps.setString(2, rule.getMailbox().toLowerCase(Locale.ROOT));
            ps.setString(3, rule.getName());
            ps.setString(4, rule.getForwardTo());
            ps.setBoolean(5, rule.isExternal());
            ps.setBoolean(6, rule.isEnabled());
            ps.setTimestamp(7, Timestamp.from(rule.getCreatedAt()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  public List<InboxRule> inboxRules(String mailbox) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, mailbox, name, forward_to, external, enabled, created_at"
                      + " from inbox_rules where mailbox = ?")) {
            ps.setString(1, mailbox.toLowerCase(Locale.ROOT));
            List<InboxRule> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new InboxRule(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        rs.getTimestamp(7).toInstant()));
              }
            }
            return out;
          }
        });
  }

  /** One rule by id. */
  public Optional<InboxRule> inboxRule(String id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, mailbox, name, forward_to, external, enabled, created_at"
                      + " from inbox_rules where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new InboxRule(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getBoolean(5),
                          rs.getBoolean(6),
                          rs.getTimestamp(7).toInstant()))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Replaces a mailbox's rules whose id starts with {@code idPrefix} by {@code current}, as read
   * from the mail server now: a rule seen before keeps its id and first-seen time, a new one is
   * added with {@code now}, one no longer on the server is removed. Rules are the same when name
   * and forwarding address match.
   */
  public List<InboxRule> syncInboxRules(
      String mailbox, String idPrefix, List<InboxRule> current, Instant now) {
    String box = mailbox.toLowerCase(Locale.ROOT);
    db.inTransaction(
        c -> {
          List<InboxRule> stored = new ArrayList<>();
          for (InboxRule r : inboxRules(box)) {
            if (r.getId().startsWith(idPrefix)) {
              stored.add(r);
            }
          }
          reconcile(
              stored,
              current,
              ActivityStore::sameRule,
              old -> Db.update(c, "delete from inbox_rules where id = ?", old.getId()),
              (old, seen) ->
                  Db.update(
                      c,
                      "update inbox_rules set enabled = ?, external = ? where id = ?",
                      seen.isEnabled(),
                      seen.isExternal(),
                      old.getId()),
              r ->
                  Db.update(
                      c,
                      "insert into inbox_rules (id, mailbox, name, forward_to, external, enabled,"
                          + " created_at) values (?,?,?,?,?,?,?)",
                      Ids.next(idPrefix.replaceAll("-$", "")),
                      box,
                      r.getName(),
                      r.getForwardTo(),
                      r.isExternal(),
                      r.isEnabled(),
                      Timestamp.from(now)));
          return null;
        });
    return inboxRules(box);
  }

  /**
   * Brings stored rows in line with what the mail server shows now: a stored row the server no
   * longer has is removed, one it still has is kept (and refreshed from it), and what the server
   * has that is not stored is added.
   */
  private static <T> void reconcile(
      List<T> stored,
      List<T> current,
      BiFunction<List<T>, T, T> same,
      SqlAction<T> remove,
      SqlRefresh<T> keep,
      SqlAction<T> add)
      throws SQLException {
    for (T old : stored) {
      T seen = same.apply(current, old);
      if (seen == null) {
        remove.run(old);
      } else {
        keep.run(old, seen);
      }
    }
    for (T now : current) {
      if (same.apply(stored, now) == null) {
        add.run(now);
      }
    }
  }

  @FunctionalInterface
  private interface SqlAction<T> {
    void run(T row) throws SQLException;
  }

  @FunctionalInterface
  private interface SqlRefresh<T> {
    void run(T stored, T current) throws SQLException;
  }

  private static InboxRule sameRule(List<InboxRule> rules, InboxRule r) {
    for (InboxRule x : rules) {
      if (Objects.equals(x.getName(), r.getName())
          && Objects.equals(x.getForwardTo(), r.getForwardTo())) {
        return x;
      }
    }
    return null;
  }

  /** Where a delegation row came from: read from the mail server, or pushed over the API. */
  public enum DelegationSource {
    IMAP,
    API;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String DELEGATION_COLUMNS =
      "select id, mailbox, delegate, rights, folder, external, granted_at from delegations";

  private static Delegation delegation(ResultSet rs) throws SQLException {
    return new Delegation(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getTimestamp(7).toInstant());
  }

  /** A mailbox's delegations from every source, oldest grant first. */
  public List<Delegation> delegations(String mailbox) {
    return db.list(
        DELEGATION_COLUMNS + " where mailbox = ? order by granted_at, id",
        ActivityStore::delegation,
        mailbox.toLowerCase(Locale.ROOT));
  }

  /** One delegation by id. */
  public Optional<Delegation> delegation(String id) {
    return db.list(DELEGATION_COLUMNS + " where id = ?", ActivityStore::delegation, id).stream()
        .findFirst();
  }

  /**
   * Records a grant another system reported. The same grant (mailbox, folder, delegate) reported
   * again keeps its id; it keeps its time too unless the rights changed or {@code grantedAt} says
   * otherwise, so a system that reports every grant daily does not make them all look new.
   *
   * @param grantedAt when the grant was made, or null for "now, if it is new"
   */
  public Delegation saveDelegation(Delegation d, Instant grantedAt, Instant now) {
    String box = d.getMailbox().toLowerCase(Locale.ROOT);
    String delegate = d.getDelegate().toLowerCase(Locale.ROOT);
    String id =
        db.inTransaction(
            c -> {
              Optional<Delegation> old =
                  Db.query(
                          c,
                          DELEGATION_COLUMNS
                              + " where mailbox = ? and folder = ? and delegate = ? and source = ?",
                          ActivityStore::delegation,
                          box,
                          d.getFolder(),
                          delegate,
                          DelegationSource.API.code())
                      .stream()
                      .findFirst();
              if (old.isEmpty()) {
                String newId = Ids.next("dlg");
                insertDelegation(
                    c,
                    newId,
                    box,
                    d.getFolder(),
                    delegate,
                    d.getRights(),
                    d.isExternal(),
                    grantedAt == null ? now : grantedAt,
                    DelegationSource.API);
                return newId;
              }
              Instant at =
                  grantedAt != null
                      ? grantedAt
                      : old.get().getRights().equals(d.getRights())
                          ? old.get().getGrantedAt()
                          : now;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update delegations set rights = ?, external = ?, granted_at = ?"
                          + " where id = ?")) {
                ps.setString(1, d.getRights());
                ps.setBoolean(2, d.isExternal());
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setString(4, old.get().getId());
                ps.executeUpdate();
              }
              return old.get().getId();
            });
    return delegation(id).orElseThrow();
  }

  /**
   * Replaces a mailbox's delegations read from the mail server by {@code current}, as read now: a
   * grant seen before with the same rights keeps its id and first-seen time; a new grant, or one
   * whose rights changed, is added with {@code now}; one no longer on the server is removed. Pushed
   * delegations are left alone.
   */
  public List<Delegation> syncDelegations(String mailbox, List<Delegation> current, Instant now) {
    String box = mailbox.toLowerCase(Locale.ROOT);
    db.inTransaction(
        c -> {
          List<Delegation> stored =
              Db.query(
                  c,
                  DELEGATION_COLUMNS + " where mailbox = ? and source = ?",
                  ActivityStore::delegation,
                  box,
                  DelegationSource.IMAP.code());
          reconcile(
              stored,
              current,
              ActivityStore::sameGrant,
              old -> deleteDelegation(c, old.getId()),
              (old, seen) ->
                  Db.update(
                      c,
                      "update delegations set external = ? where id = ?",
                      seen.isExternal(),
                      old.getId()),
              d ->
                  insertDelegation(
                      c,
                      Ids.next("dlg"),
                      box,
                      d.getFolder(),
                      d.getDelegate().toLowerCase(Locale.ROOT),
                      d.getRights(),
                      d.isExternal(),
                      now,
                      DelegationSource.IMAP));
          return null;
        });
    return delegations(box);
  }

  /** Forgets a delegation that was removed; a second call changes nothing. */
  public void deleteDelegation(Connection c, String id) throws SQLException {
    Db.update(c, "delete from delegations where id = ?", id);
  }

  private static void insertDelegation(
      Connection c,
      String id,
      String mailbox,
      String folder,
      String delegate,
      String rights,
      boolean external,
      Instant grantedAt,
      DelegationSource source)
      throws SQLException {
    Db.update(
        c,
        "insert into delegations (id, mailbox, folder, delegate, rights, external, granted_at,"
            + " source) values (?,?,?,?,?,?,?,?)",
        id,
        mailbox,
        folder,
        delegate,
        rights,
        external,
        Timestamp.from(grantedAt),
        source.code());
  }

  private static Delegation sameGrant(List<Delegation> grants, Delegation d) {
    for (Delegation x : grants) {
      if (Objects.equals(x.getFolder(), d.getFolder())
          && x.getDelegate().equalsIgnoreCase(d.getDelegate())
          && Objects.equals(x.getRights(), d.getRights())) {
        return x;
      }
    }
    return null;
  }
}
