package org.openair.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.as;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openair.support.TestRulesFolder;

/** Authentication on every endpoint but health, and what each role may do. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class SecurityTest {

  static Stream<Arguments> apiEndpoints() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/investigations"),
        Arguments.of("GET", "/api/v1/investigations/inv-x"),
        Arguments.of("GET", "/api/v1/actions"),
        Arguments.of("GET", "/api/v1/actions/act-x"),
        Arguments.of("POST", "/api/v1/actions/act-x/approve"),
        Arguments.of("POST", "/api/v1/actions/act-x/reject"),
        Arguments.of("POST", "/api/v1/alerts"),
        Arguments.of("POST", "/api/v1/messages"),
        Arguments.of("GET", "/api/v1/messages/msg-x"),
        Arguments.of("GET", "/api/v1/rules"),
        Arguments.of("POST", "/api/v1/rules/reload"),
        Arguments.of("GET", "/api/v1/rules/sets/rs-x/files/x.drl"),
        Arguments.of("GET", "/api/v1/users"),
        Arguments.of("POST", "/api/v1/users"),
        Arguments.of("POST", "/api/v1/users/admin/tokens"),
        Arguments.of("GET", "/api/v1/audit"),
        Arguments.of("GET", "/api/v1/audit/verify"),
        Arguments.of("GET", "/api/v1/no-such-endpoint"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apiEndpoints")
  void everyApiEndpointAnswers401WithoutCredentials(String method, String path) {
    given().contentType(ContentType.JSON).body("{}").request(method, path).then().statusCode(401);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apiEndpoints")
  void everyApiEndpointAnswers401ForAWrongPassword(String method, String path) {
    given()
        .auth()
        .preemptive()
        .basic("admin", "wrong-password")
        .contentType(ContentType.JSON)
        .body("{}")
        .request(method, path)
        .then()
        .statusCode(401);
  }

  @Test
  void healthNeedsNoCredentials() {
    given().get("/q/health").then().statusCode(200);
  }

  @Test
  void shouldNotApproveWhenAnalyst() {
    as(user("analyst")).post("/api/v1/actions/act-x/approve").then().statusCode(403);
    as(user("analyst")).post("/api/v1/actions/act-x/reject").then().statusCode(403);
  }

  @Test
  void shouldNotRaiseAlertsWhenViewer() {
    as(user("viewer"))
        .contentType(ContentType.JSON)
        .body("{\"type\":\"manual\",\"user\":\"bob@corp.example\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(403);
  }

  @Test
  void shouldOnlyReloadRulesAndManageUsersWhenAdmin() {
    for (String role : List.of("viewer", "analyst", "approver", "auditor")) {
      as(user(role)).post("/api/v1/rules/reload").then().statusCode(403);
      as(user(role)).get("/api/v1/users").then().statusCode(403);
    }
  }

  @Test
  void shouldReadTheAuditLogOnlyWhenAuditorOrAdmin() {
    as(user("auditor")).get("/api/v1/audit/verify").then().statusCode(200);
    as(user("approver")).get("/api/v1/audit").then().statusCode(403);
  }

  @Test
  void approverMayDecideActions() {
    // 404 rather than 403: the approver got past authorisation to a missing action.
    as(user("approver")).post("/api/v1/actions/act-missing/approve").then().statusCode(404);
  }

  @Test
  void apiTokenAuthenticatesAMachineWithItsUsersRoles() {
    String analyst = user("analyst");
    String token =
        asAdmin()
            .contentType(ContentType.JSON)
            .body("{\"name\":\"siem\"}")
            .post("/api/v1/users/" + analyst + "/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");

    given().auth().oauth2(token).get("/api/v1/investigations").then().statusCode(200);
    given().auth().oauth2(token).post("/api/v1/actions/act-x/approve").then().statusCode(403);
    given().auth().oauth2("oat_not-a-token").get("/api/v1/investigations").then().statusCode(401);
  }

  @Test
  void failedLoginIsAudited() {
    given()
        .auth()
        .preemptive()
        .basic("mallory", "guess")
        .get("/api/v1/investigations")
        .then()
        .statusCode(401);

    List<String> actors =
        asAdmin()
            .queryParam("event", "login.failed")
            .queryParam("actor", "mallory")
            .get("/api/v1/audit")
            .jsonPath()
            .getList("actor");
    assertThat(actors).contains("mallory");
  }

  @Test
  void newUserWithAnUnknownRoleGets400NamingTheField() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"username\":\"eve\",\"password\":\"long-enough-password\",\"roles\":[\"root\"]}")
        .post("/api/v1/users")
        .then()
        .statusCode(400)
        .body("field", org.hamcrest.Matchers.equalTo("roles"));
  }
}
