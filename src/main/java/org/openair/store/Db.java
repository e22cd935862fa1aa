package org.openair.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import io.quarkus.arc.Arc;
import jakarta.annotation.PostConstruct;
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
import org.openair.config.OpenAirConfig;

/**
 * The datasource OpenAIR stores its data in, and small JDBC helpers. H2 and PostgreSQL are both
 * configured at build time; {@code openair.database} chooses the active one at start-up.
 */
@ApplicationScoped
public class Db {
  private final OpenAirConfig config;
  private AgroalDataSource dataSource;

  @Inject
  public Db(OpenAirConfig config) {
    this.config = config;
  }

  @PostConstruct
  void select() {
    dataSource =
        "postgresql".equals(config.database())
            ? Arc.container()
                .select(AgroalDataSource.class, new DataSourceLiteral("postgresql"))
                .get()
            : Arc.container().select(AgroalDataSource.class).get();
  }

  /** A connection from the pool; the caller closes it. */
  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs {@code work} in one transaction, committing on success and rolling back on failure. */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  public <T> T read(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Runs a query with positional parameters on a pooled connection and maps every row. */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    return read(c -> query(c, sql, mapper, params));
  }

  /** Runs a query with positional parameters on {@code c} and maps every row. */
  public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
    }
    return out;
  }

  /** Runs an insert, update or delete with positional parameters on {@code c}; the rows changed. */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** Sets positional parameters 1..n of {@code ps}. */
  public static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }

  /**
   * Sets positional parameters 1..n of {@code ps}, for queries whose filters add them one by one.
   */
  public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    bind(ps, params.toArray());
  }

  /** An instant as a SQL timestamp; null stays null. */
  public static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** A SQL timestamp as an instant; null stays null. */
  public static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  /** Turns the current row of a result into a value. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** JDBC work that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
