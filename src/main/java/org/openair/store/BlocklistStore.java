package org.openair.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Entries of the sender, domain, URL and file-hash block lists. */
@ApplicationScoped
public class BlocklistStore {
  private final Db db;

  @Inject
  public BlocklistStore(Db db) {
    this.db = db;
  }

  /** Adds {@code entry} to {@code kind}'s list; false when it is listed already. */
  public boolean add(String kind, String entry, String actionId, Instant now) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement check =
              c.prepareStatement(
                  "select 1 from blocklist_entries where kind = ? and entry = ?"
                      + " and removed_at is null")) {
            check.setString(1, kind);
            check.setString(2, entry);
            try (ResultSet rs = check.executeQuery()) {
              if (rs.next()) {
                return false;
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into blocklist_entries (id, kind, entry, action_id, created_at)"
                      + " values (?,?,?,?,?)")) {
            ps.setString(1, Ids.next("blk"));
            ps.setString(2, kind);
            ps.setString(3, entry);
            ps.setString(4, actionId);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
          }
          return true;
        });
  }

  /** Takes {@code entry} off {@code kind}'s list; false when it was not listed. */
  public boolean remove(String kind, String entry, Instant now) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update blocklist_entries set removed_at = ? where kind = ? and entry = ?"
                      + " and removed_at is null")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, kind);
            ps.setString(3, entry);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /** The entries listed now, in the order they were added. */
  public List<String> entries(String kind) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select entry from blocklist_entries where kind = ? and removed_at is null"
                      + " order by created_at, id")) {
            ps.setString(1, kind);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          }
        });
  }
}
