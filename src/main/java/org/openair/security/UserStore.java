package org.openair.security;

import com.google.common.hash.Hashing;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openair.BadRequestException;
import org.openair.store.Db;
import org.openair.store.Ids;

/** Users with bcrypt-hashed passwords, and API tokens stored as SHA-256 hashes. */
@ApplicationScoped
public class UserStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{1,100}");
  private static final int MIN_PASSWORD = 12;

  private final Db db;
  private final Clock clock;

  @Inject
  public UserStore(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A user as stored, without the password hash. */
  public record User(String username, Set<String> roles) {}

  /** A freshly made token: the secret is shown once and never stored. */
  public record IssuedToken(String id, String username, String name, String token) {}

  /**
   * Checks a new user's name, password and roles and returns the roles as a set; a bad value is a
   * {@link BadRequestException} naming the field.
   */
  public static Set<String> checkNewUser(String username, String password, List<String> roles) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new BadRequestException(
          "username", "'username' must be 1-100 letters, digits or . _ @ -");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new BadRequestException(
          "password", "'password' must be at least " + MIN_PASSWORD + " characters");
    }
    if (roles == null || roles.isEmpty()) {
      throw new BadRequestException("roles", "'roles' must name at least one of " + Roles.ALL);
    }
    Set<String> checked = new LinkedHashSet<>();
    for (String role : roles) {
      if (role == null || !Roles.ALL.contains(role)) {
        throw new BadRequestException(
            "roles", "unknown role '" + role + "'; roles are " + Roles.ALL);
      }
      checked.add(role);
    }
    return checked;
  }

  public long count() {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select count(*) from users");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  public boolean exists(String username) {
    return find(username).isPresent();
  }

  public Optional<User> find(String username) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select username, roles from users where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new User(rs.getString(1), parseRoles(rs.getString(2))))
                  : Optional.empty();
            }
          }
        });
  }

  public List<User> list() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("select username, roles from users order by username");
              ResultSet rs = ps.executeQuery()) {
            List<User> out = new java.util.ArrayList<>();
            while (rs.next()) {
              out.add(new User(rs.getString(1), parseRoles(rs.getString(2))));
            }
            return out;
          }
        });
  }

  public User create(String username, String password, Set<String> roles) {
    String hash = BcryptUtil.bcryptHash(password);
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into users (username, password_hash, roles, created_at)"
                      + " values (?,?,?,?)")) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, String.join(",", roles));
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.executeUpdate();
          }
          return null;
        });
    return new User(username, roles);
  }

  /** The user when the password matches; empty for an unknown user or a wrong password. */
  public Optional<User> verifyPassword(String username, char[] password) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select username, roles, password_hash from users where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              boolean ok = BcryptUtil.matches(new String(password), rs.getString(3));
              return ok
                  ? Optional.of(new User(rs.getString(1), parseRoles(rs.getString(2))))
                  : Optional.empty();
            }
          }
        });
  }

  /** Issues a token for a user; the token carries that user's roles. */
  public IssuedToken issueToken(String username, String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "oat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = Ids.next("tok");
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into api_tokens (id, token_hash, username, name, created_at)"
                      + " values (?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, tokenHash(token));
            ps.setString(3, username);
            ps.setString(4, name);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.executeUpdate();
          }
          return null;
        });
    return new IssuedToken(id, username, name, token);
  }

  /** An issued token as listed to admins: never its secret. */
  public record TokenInfo(String id, String username, String name, Instant createdAt) {}

  /** Every issued token, by user then age. */
  public List<TokenInfo> tokens() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id, username, name, created_at from api_tokens"
                          + " order by username, created_at, id");
              ResultSet rs = ps.executeQuery()) {
            List<TokenInfo> out = new java.util.ArrayList<>();
            while (rs.next()) {
              out.add(
                  new TokenInfo(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getTimestamp(4).toInstant()));
            }
            return out;
          }
        });
  }

  /** The user a token belongs to, or empty for an unknown token. */
  public Optional<User> verifyToken(String token) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select u.username, u.roles from api_tokens t join users u"
                      + " on u.username = t.username where t.token_hash = ?")) {
            ps.setString(1, tokenHash(token));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new User(rs.getString(1), parseRoles(rs.getString(2))))
                  : Optional.empty();
            }
          }
        });
  }

  private static String tokenHash(String token) {
    return Hashing.sha256().hashString(token, StandardCharsets.UTF_8).toString();
  }

  private static Set<String> parseRoles(String roles) {
    return Arrays.stream(roles.split(","))
        .map(String::strip)
        .filter(r -> !r.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
