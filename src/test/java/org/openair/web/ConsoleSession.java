package org.openair.web;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like console session over plain HTTP: signs in with the form and keeps the cookies. */
final class ConsoleSession {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final Map<String, String> cookies = new HashMap<>();

  private ConsoleSession() {}

  /** The origin the test server is reached at, as a browser would name it. */
  static String origin() {
    return RestAssured.baseURI + ":" + RestAssured.port;
  }

  /** Signs {@code user} in; fails unless the form mechanism sets the session cookie. */
  static ConsoleSession signIn(String user, String password) {
    ConsoleSession s = new ConsoleSession();
    Response r =
        given()
            .redirects()
            .follow(false)
            .header("Origin", origin())
            .formParam("j_username", user)
            .formParam("j_password", password)
            .post("/j_security_check");
    if (r.statusCode() != 302 || r.cookie("openair-session") == null) {
      throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode());
    }
    s.cookies.putAll(r.cookies());
    return s;
  }

  RequestSpecification request() {
    return given().redirects().follow(false).cookies(cookies);
  }

  /** GETs a page, keeping any cookie it sets (the CSRF nonce). */
  Response get(String path) {
    Response r = request().get(path);
    cookies.putAll(r.cookies());
    return r;
  }

  /** The CSRF token of the forms on {@code page}. */
  String csrfFrom(String page) {
    Matcher m = CSRF.matcher(get(page).asString());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + page);
    }
    return m.group(1);
  }
}
