package org.openair.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Helpers for tests that drive the service over HTTP as its users do. */
public final class Api {
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-test-password";
  private static final Set<String> SETTLED =
      Set.of(
          "no-threats-found",
          "pending-action",
          "partially-remediated",
          "remediated",
          "failed",
          "terminated");

  private Api() {}

  public static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, passwordOf(user));
  }

  public static RequestSpecification asAdmin() {
    return as(ADMIN);
  }

  /** Creates a user with one role once per test run; its password is derived from its name. */
  public static String user(String role) {
    String name = role + "-user";
    int status =
        asAdmin()
            .contentType(ContentType.JSON)
            .body(
                "{\"username\":\""
                    + name
                    + "\",\"password\":\""
                    + passwordOf(name)
                    + "\",\"roles\":[\""
                    + role
                    + "\"]}")
            .post("/api/v1/users")
            .statusCode();
    if (status != 201 && status != 409) {
      throw new IllegalStateException("could not create user " + name + ": " + status);
    }
    return name;
  }

  private static String passwordOf(String user) {
    return ADMIN.equals(user) ? ADMIN_PASSWORD : user + "-password-123";
  }

  /** A test message from src/test/resources/eml with a fresh Message-ID so runs don't collide. */
  public static byte[] eml(String name) {
    try (InputStream in = Api.class.getResourceAsStream("/eml/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test message " + name);
      }
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      String unique = UUID.randomUUID().toString();
      return text.replace("@@UNIQUE@@", unique)
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ingests a raw message delivered to {@code mailboxes}; returns its id. */
  public static String ingest(byte[] raw, String... mailboxes) {
    RequestSpecification r = asAdmin().contentType("message/rfc822").body(raw);
    for (String m : mailboxes) {
      r = r.queryParam("mailbox", m);
    }
    return r.post("/api/v1/messages").then().statusCode(201).extract().path("messageId");
  }

  /** Raises a user-reported alert; returns the investigation id. */
  public static String report(String messageId, String reporter) {
    return asAdmin()
        .contentType(ContentType.JSON)
        .body(
            "{\"type\":\"user-reported\",\"messageId\":\""
                + messageId
                + "\",\"reportedBy\":\""
                + reporter
                + "\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(202)
        .extract()
        .path("investigationId");
  }

  /** Waits until the investigation has left the queue and returns it. */
  public static JsonPath settled(String investigationId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> asAdmin().get("/api/v1/investigations/" + investigationId).jsonPath(),
            j -> SETTLED.contains(j.getString("status")));
  }

  /** Waits until the action has the status and returns it. */
  public static JsonPath actionReaches(String actionId, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> asAdmin().get("/api/v1/actions/" + actionId).jsonPath(),
            j -> status.equals(j.getString("status")));
  }

  /** Waits until the action is carried out or merged into an earlier one, and returns it. */
  public static JsonPath actionDone(String actionId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> asAdmin().get("/api/v1/actions/" + actionId).jsonPath(),
            j -> Set.of("executed", "merged").contains(j.getString("status")));
  }

  /** The id of the investigation's pending action of {@code type}. */
  public static String pendingActionId(JsonPath investigation, String type) {
    return investigation.getString(
        "actions.find { it.status == 'pending' && it.type == '" + type + "' }.id");
  }

  /** Waits until the investigation has the status and returns it. */
  public static JsonPath investigationReaches(String investigationId, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> asAdmin().get("/api/v1/investigations/" + investigationId).jsonPath(),
            j -> status.equals(j.getString("status")));
  }

  public static List<String> pendingActionIds(JsonPath investigation) {
    return investigation.getList("actions.findAll { it.status == 'pending' }.id");
  }
}
