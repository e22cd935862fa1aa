package org.openair.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;

/** Message and alert intake: what is accepted, and the clear errors for what is not. */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class IntakeTest {

  @Test
  void rawMessageIsStoredWithItsDeliveriesLinksAndAuthenticationResults() {
    String id =
        asAdmin()
            .contentType("message/rfc822")
            .body(eml("reported-phish.eml"))
            .queryParam("mailbox", "alice@corp.example")
            .queryParam("mailbox", "bob@corp.example")
            .post("/api/v1/messages")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/messages/msg-"))
            .body("deliveries", equalTo(2))
            .extract()
            .path("messageId");

    asAdmin()
        .get("/api/v1/messages/" + id)
        .then()
        .statusCode(200)
        .body("message.senderAddress", equalTo("service@paypa1-secure.com"))
        .body("message.dmarc", equalTo("FAIL"))
        .body("deliveries", hasSize(2))
        .body("links[0].host", equalTo("198.51.100.23"))
        .body("links[0].displayedHost", equalTo("www.paypal.com"));
  }

  @Test
  void malformedMimeIsStoredAsFarAsItParses() {
    asAdmin()
        .contentType("message/rfc822")
        .body(eml("broken-mime.eml"))
        .queryParam("mailbox", "bob@corp.example")
        .post("/api/v1/messages")
        .then()
        .statusCode(201)
        .body("messageId", startsWith("msg-"));
  }

  @Test
  void emptyMessageIsStoredWithoutCrashing() {
    asAdmin()
        .contentType("message/rfc822")
        .body(new byte[0])
        .post("/api/v1/messages")
        .then()
        .statusCode(201);
  }

  @Test
  void messageOverTheSizeLimitGets413() {
    byte[] big = new byte[26 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    asAdmin()
        .contentType("message/rfc822")
        .body(big)
        .post("/api/v1/messages")
        .then()
        .statusCode(413)
        .body("message", containsString("max-message-bytes"));
  }

  @Test
  void mailboxThatIsNotAnAddressGets400NamingTheField() {
    asAdmin()
        .contentType("message/rfc822")
        .body(eml("reported-phish.eml"))
        .queryParam("mailbox", "not an address")
        .post("/api/v1/messages")
        .then()
        .statusCode(400)
        .body("field", equalTo("mailbox"));
  }

  @Test
  void metadataMessageIsStoredAndCanBeReported() {
    String id =
        asAdmin()
            .contentType(ContentType.JSON)
            .body(
                """
                {"internetMessageId": "<meta-1@sender.example>",
                 "from": "billing@sender.example", "subject": "Invoice",
                 "to": ["bob@corp.example"],
                 "authentication": {"spf": "pass", "dkim": "pass", "dmarc": "pass"},
                 "links": [{"url": "https://sender.example/invoice", "text": "sender.example"}],
                 "attachments": [{"name": "invoice.pdf", "contentType": "application/pdf",
                   "size": 1000, "sha256": "%s"}],
                 "mailboxes": ["bob@corp.example"]}
                """
                    .formatted("a".repeat(64)))
            .post("/api/v1/messages")
            .then()
            .statusCode(201)
            .extract()
            .path("messageId");
    asAdmin()
        .get("/api/v1/messages/" + id)
        .then()
        .body("message.spf", equalTo("PASS"))
        .body("links[0].registrableDomain", equalTo("sender.example"))
        .body("attachments[0].sha256", equalTo("a".repeat(64)));
  }

  @Test
  void linkedPicturesOfARawMessageAreCountedAndKeptByTheStore() {
    String id = ingest(eml("linked-picture.eml"), "alice@corp.example");

    asAdmin()
        .get("/api/v1/messages/" + id)
        .then()
        .statusCode(200)
        .body("message.linkedImages", equalTo(3))
        .body("message.linkedImageDomains", contains("offers-hub.net", "brand-shop.com"));
  }

  @Test
  void aFormCollectingContactDetailsIsKeptByTheStoreWithWhatItsTargetAsks() {
    String id = ingest(eml("contact-form.eml"), "alice@corp.example");

    asAdmin()
        .get("/api/v1/messages/" + id)
        .then()
        .statusCode(200)
        .body(
            "message.contactForm",
            equalTo("name, phone, address to http://192.0.2.80/response/response.asp"))
        .body("links[0].host", equalTo("192.0.2.80"))
        .body("links[0].form", equalTo("no-secret"));
  }

  @Test
  void aFromHeaderBuiltToMisleadIsKeptByTheStoreWithTheNameTheReaderSees() {
    String id = ingest(eml("from-name-apart.eml"), "alice@corp.example");

    asAdmin()
        .get("/api/v1/messages/" + id)
        .then()
        .statusCode(200)
        .body("message.senderDisplayName", equalTo("DHL Express"))
        .body("message.senderAnomaly", containsString("apart from the address"));
  }

  @Test
  void metadataLinksMarkedAsImagesAreTheMessagesLinkedPictures() {
    String id =
        asAdmin()
            .contentType(ContentType.JSON)
            .body(
                """
                {"from": "promo@mailer.example", "subject": "Sale", "body": "Sale",
                 "links": [{"url": "https://deals.offers-hub.net/a", "image": true},
                           {"url": "https://deals.offers-hub.net/b", "image": true},
                           {"url": "https://mailer.example/unsubscribe", "text": "Unsubscribe"}],
                 "mailboxes": ["bob@corp.example"]}
                """)
            .post("/api/v1/messages")
            .then()
            .statusCode(201)
            .extract()
            .path("messageId");
    asAdmin()
        .get("/api/v1/messages/" + id)
        .then()
        .body("message.linkedImages", equalTo(2))
        .body("message.linkedImageDomains", contains("offers-hub.net"))
        .body("links", hasSize(3));
  }

  @Test
  void metadataWithoutASenderGets400NamingTheField() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"subject\": \"no sender\"}")
        .post("/api/v1/messages")
        .then()
        .statusCode(400)
        .body("field", equalTo("from"));
  }

  @Test
  void invalidJsonGets400WithAMessage() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"from\": ")
        .post("/api/v1/messages")
        .then()
        .statusCode(400)
        .body("message", containsString("JSON"));
  }

  @Test
  void alertOfUnknownTypeGets400NamingTheField() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"sneaky\", \"messageId\": \"x\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(400)
        .body("field", equalTo("type"))
        .body("message", containsString("user-reported"));
  }

  @Test
  void userReportedAlertWithoutAMessageGets400NamingTheField() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"user-reported\", \"reportedBy\": \"bob@corp.example\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(400)
        .body("field", equalTo("messageId"));
  }

  @Test
  void alertAboutAnUnknownMessageGets400() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"user-reported\", \"internetMessageId\": \"<nobody@nowhere>\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(400)
        .body("field", equalTo("internetMessageId"));
  }

  @Test
  void suspiciousSendingAlertWithoutAUserGets400NamingTheField() {
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"suspicious-sending\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(400)
        .body("field", equalTo("user"));
  }

  @Test
  void alertByInternetMessageIdIsAcceptedWithBothIds() {
    byte[] raw = eml("reported-phish.eml");
    String imid =
        asAdmin()
            .contentType("message/rfc822")
            .body(raw)
            .queryParam("mailbox", "bob@corp.example")
            .post("/api/v1/messages")
            .then()
            .extract()
            .path("internetMessageId");
    asAdmin()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"user-reported\", \"internetMessageId\": \"<" + imid + ">\"}")
        .post("/api/v1/alerts")
        .then()
        .statusCode(202)
        .body("alertId", startsWith("alr-"))
        .body("investigationId", startsWith("inv-"));
  }
}
