package org.openair.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.as;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openair.support.TestRulesFolder;

/**
 * Every endpoint against every role and anonymous: allowed roles get past authorisation (any answer
 * but 401 and 403), others get 403, anonymous gets 401. A new endpoint needs one row here; {@link
 * #everyEndpointHasARow()} fails until it has one.
 *
 * <p>Rows use ids that do not exist and bodies that do not validate, so allowed requests change
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class RoleMatrixTest {
  static final String VIEWER = "viewer";
  static final String ANALYST = "analyst";
  static final String APPROVER = "approver";
  static final String ADMIN = "admin";
  static final String AUDITOR = "auditor";
  static final Set<String> ROLES = Set.of(VIEWER, ANALYST, APPROVER, ADMIN, AUDITOR);
  static final Set<String> EVERYONE = ROLES;
  static final Set<String> DECIDERS = Set.of(APPROVER, ADMIN);
  static final Set<String> INVESTIGATORS = Set.of(ANALYST, ADMIN);
  static final Set<String> AUDITORS = Set.of(AUDITOR, ADMIN);
  static final Set<String> ADMINS = Set.of(ADMIN);
  static final String JSON = "application/json";

  /** One endpoint: method, path, content type and body of the request, roles allowed. */
  record Row(String method, String path, String contentType, String body, Set<String> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Row row(String method, String path, Set<String> allowed) {
    return new Row(method, path, null, null, allowed);
  }

  static Row row(String method, String path, String jsonBody, Set<String> allowed) {
    return new Row(method, path, JSON, jsonBody, allowed);
  }

  static final List<Row> ROWS =
      List.of(
          row("GET", "/api/v1/investigations", EVERYONE),
          row("GET", "/api/v1/investigations/inv-x", EVERYONE),
          row("GET", "/api/v1/actions", EVERYONE),
          row("GET", "/api/v1/actions/act-x", EVERYONE),
          row("POST", "/api/v1/actions/act-x/approve", DECIDERS),
          row("POST", "/api/v1/actions/act-x/reject", DECIDERS),
          row("POST", "/api/v1/actions/act-x/undo", DECIDERS),
          row("POST", "/api/v1/actions/approve", "{\"ids\":[]}", DECIDERS),
          row("POST", "/api/v1/actions/reject", "{\"ids\":[]}", DECIDERS),
          row("POST", "/api/v1/alerts", "{}", INVESTIGATORS),
          row("POST", "/api/v1/messages", "{}", INVESTIGATORS),
          row("POST", "/api/v1/mailbox-imports", "{}", ADMINS),
          row("POST", "/api/v1/mailboxes/nobody-x/delegations", "{}", INVESTIGATORS),
          row("GET", "/api/v1/mailboxes/nobody-x/delegations", EVERYONE),
          row("GET", "/api/v1/blocklists/x", EVERYONE),
          row("GET", "/api/v1/messages/msg-x", EVERYONE),
          row("GET", "/api/v1/rules", EVERYONE),
          row("POST", "/api/v1/rules/reload", ADMINS),
          row("GET", "/api/v1/rules/sets/rs-x/files/x.drl", AUDITORS),
          row("GET", "/api/v1/users", ADMINS),
          row("POST", "/api/v1/users", "{}", ADMINS),
          row("POST", "/api/v1/users/nobody-x/tokens", "{}", ADMINS),
          row("GET", "/api/v1/audit", AUDITORS),
          row("GET", "/api/v1/audit/verify", AUDITORS),
          row("GET", "/api/v1/settings/automation", ADMINS),
          row("PUT", "/api/v1/settings/automation", "{\"maxClusterSize\":-1}", ADMINS),
          row("GET", "/api/v1/intel/sources", EVERYONE),
          row("GET", "/api/v1/intel/sources/nothing-x", EVERYONE),
          row("POST", "/api/v1/intel/sources", "{}", ADMINS),
          row("DELETE", "/api/v1/intel/sources/nothing-x", ADMINS),
          row("POST", "/api/v1/intel/sources/nothing-x/refresh", ADMINS),
          row("POST", "/api/v1/intel/sources/nothing-x/disable", ADMINS),
          row("POST", "/api/v1/intel/sources/nothing-x/enable", ADMINS),
          row("POST", "/api/v1/intel/indicators", "[{}]", INVESTIGATORS),
          row("GET", "/api/v1/intel/lookup", EVERYONE),
          row("GET", "/api/v1/intel/hunts", EVERYONE));

  static Stream<Arguments> cells() {
    List<Arguments> out = new ArrayList<>();
    for (Row row : ROWS) {
      out.add(Arguments.of(row, "anonymous"));
      for (String role : List.of(VIEWER, ANALYST, APPROVER, ADMIN, AUDITOR)) {
        out.add(Arguments.of(row, role));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cells")
  void roleGetsWhatTheMatrixSays(Row row, String role) {
    RequestSpecification request = role.equals("anonymous") ? given() : as(user(role));
    if (row.contentType() != null) {
      request = request.contentType(row.contentType()).body(row.body());
    }
    int status = request.request(row.method(), row.path()).statusCode();

    if (role.equals("anonymous")) {
      assertThat(status).as("anonymous").isEqualTo(401);
    } else if (row.allowed().contains(role)) {
      assertThat(status).as(role + " is allowed").isNotIn(401, 403).isLessThan(500);
    } else {
      assertThat(status).as(role + " is not allowed").isEqualTo(403);
    }
  }

  @Test
  void everyEndpointHasARow() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      boolean covered =
          ROWS.stream()
              .anyMatch(
                  r -> r.method().equals(e.method()) && e.pattern().matcher(r.path()).matches());
      if (!covered) {
        missing.add(e.method() + " " + e.template());
      }
    }
    assertThat(missing).as("endpoints without a row in RoleMatrixTest.ROWS").isEmpty();
    assertThat(ROWS.stream().flatMap(r -> r.allowed().stream())).allMatch(ROLES::contains);
  }

  /** One JAX-RS method: HTTP method and path template. */
  record Endpoint(String method, String template, Pattern pattern) {}

  /** Every resource method under /api in the compiled service, found by its annotations. */
  static List<Endpoint> endpoints() throws IOException {
    Path classes = Path.of("target/classes");
    List<Endpoint> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('/', '.').replace('\\', '.');
        name = name.substring(0, name.length() - ".class".length());
        Class<?> type;
        try {
          type = Class.forName(name, false, RoleMatrixTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (base == null) {
          continue;
        }
        for (Method m : type.getDeclaredMethods()) {
          String http = httpMethod(m);
          if (http == null) {
            continue;
          }
          jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
          String template = join(base.value(), sub == null ? "" : sub.value());
          if (template.startsWith("/api/")) {
            out.add(new Endpoint(http, template, toPattern(template)));
          }
        }
      }
    }
    return out;
  }

  private static String httpMethod(Method m) {
    for (Class<? extends Annotation> a :
        List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
      if (m.isAnnotationPresent(a)) {
        return a.getSimpleName();
      }
    }
    return null;
  }

  private static String join(String base, String sub) {
    String path = "/" + base + "/" + sub;
    path = path.replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Pattern toPattern(String template) {
    String[] parts = template.split("\\{[^}]+}", -1);
    return Pattern.compile(String.join("[^/]+", Arrays.stream(parts).map(Pattern::quote).toList()));
  }
}
