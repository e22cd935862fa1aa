package org.openair.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionIds;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStore;
import org.openair.support.SmtpSink;
import org.openair.support.TestRulesFolder;

/**
 * Approvers hear about waiting actions once, batched, over webhooks (a local HTTP server started by
 * the test stands in for Slack, Teams and a SIEM) and email (a tiny in-process SMTP sink written
 * with sockets stands in for the MTA; the real-MTA test belongs to the mail-system end-to-end
 * test); reporters get the outcome by email.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class NotificationTest {
  @Inject ApprovalNotifier notifier;
  @Inject ActionStore actions;
  @Inject ObjectMapper json;

  private HttpServer server;
  private final Map<String, List<String>> bodies = new ConcurrentHashMap<>();
  private SmtpSink smtp;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    for (String path : List.of("/json", "/slack", "/teams", "/broken")) {
      bodies.put(path, new CopyOnWriteArrayList<>());
      server.createContext(
          path,
          exchange -> {
            bodies
                .get(path)
                .add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(path.equals("/broken") ? 500 : 200, -1);
            exchange.close();
          });
    }
    server.start();
    smtp = new SmtpSink();
    // Whatever earlier tests left waiting is told about first, so each test sees only its own.
    int told;
    do {
      told = notifier.notifyPending(List.of(webhook("/json", WebhookChannel.Format.JSON)));
    } while (told > 0);
    bodies.values().forEach(List::clear);
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    smtp.close();
  }

  private WebhookChannel webhook(String path, WebhookChannel.Format format) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return new WebhookChannel(url, format, json, Duration.ofSeconds(5));
  }

  private Mailer mailer() {
    return new Mailer(
        new Mailer.Settings(
            Optional.of("127.0.0.1"),
            smtp.port(),
            "openair@corp.example",
            Optional.empty(),
            Optional.empty(),
            false,
            Duration.ofSeconds(5)),
        Clock.systemUTC());
  }

  private List<String> newPendingActions() {
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example");
    return pendingActionIds(settled(report(messageId, "alice@corp.example")));
  }

  @Test
  void waitingActionsAreToldOnceInOneMessagePerChannel() throws Exception {
    List<String> first = newPendingActions();
    List<String> second = newPendingActions();

    int told =
        notifier.notifyPending(
            List.of(
                webhook("/json", WebhookChannel.Format.JSON),
                webhook("/slack", WebhookChannel.Format.SLACK),
                webhook("/teams", WebhookChannel.Format.TEAMS),
                new EmailChannel(mailer(), List.of("secops@corp.example"))));

    assertThat(told).isEqualTo(first.size() + second.size());
    assertThat(bodies.get("/json")).hasSize(1);
    JsonNode generic = json.readTree(bodies.get("/json").get(0));
    assertThat(generic.get("event").asText()).isEqualTo("actions.pending");
    assertThat(generic.get("count").asInt()).isEqualTo(told);
    assertThat(generic.findValuesAsText("id")).containsAll(first).containsAll(second);

    assertThat(bodies.get("/slack")).hasSize(1);
    JsonNode slack = json.readTree(bodies.get("/slack").get(0));
    assertThat(slack.get("text").asText()).contains(first.get(0)).contains(second.get(0));

    assertThat(bodies.get("/teams")).hasSize(1);
    JsonNode teams = json.readTree(bodies.get("/teams").get(0));
    assertThat(teams.get("type").asText()).isEqualTo("message");
    JsonNode card = teams.get("attachments").get(0);
    assertThat(card.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(card.get("content").get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.toString()).contains(first.get(0));

    assertThat(smtp.received()).hasSize(1);
    SmtpSink.Received mail = smtp.received().get(0);
    assertThat(mail.to()).containsExactly("<secops@corp.example>");
    assertThat(mail.data()).contains("wait for approval").contains(second.get(0));

    int again = notifier.notifyPending(List.of(webhook("/json", WebhookChannel.Format.JSON)));
    assertThat(again).isZero();
    assertThat(bodies.get("/json")).hasSize(1);
  }

  @Test
  void aBatchNoChannelDeliveredIsToldAgainNextTime() {
    List<String> pending = newPendingActions();

    assertThat(notifier.notifyPending(List.of(webhook("/broken", WebhookChannel.Format.JSON))))
        .isZero();
    assertThat(bodies.get("/broken")).hasSize(1);

    assertThat(notifier.notifyPending(List.of(webhook("/json", WebhookChannel.Format.JSON))))
        .isEqualTo(pending.size());
  }

  @Test
  void theReporterGetsTheOutcomeByEmail() {
    String messageId = ingest(eml("reported-phish.eml"), "bob@corp.example");
    var inv = settled(report(messageId, "bob@corp.example"));
    ActionRecord notice =
        actions
            .find(inv.getString("actions.find { it.type == 'notify-reporter' }.id"))
            .orElseThrow();
    ReporterMailConnector connector = new ReporterMailConnector(mailer());

    assertThat(connector.supports()).contains(notice.type());
    assertThat(connector.execute(notice).succeeded()).isTrue();

    assertThat(smtp.received()).hasSize(1);
    SmtpSink.Received mail = smtp.received().get(0);
    assertThat(mail.to()).containsExactly("<bob@corp.example>");
    assertThat(mail.data())
        .contains("Message-ID: <" + notice.id() + "@openair>")
        .contains("The result of your report")
        .contains(inv.getString("id"));
  }

  @Test
  void reporterMailToAStoppedServerIsRetryable() throws IOException {
    Mailer mailer = mailer();
    smtp.close();
    String messageId = ingest(eml("reported-phish.eml"), "carol@corp.example");
    var inv = settled(report(messageId, "carol@corp.example"));
    ActionRecord notice =
        actions
            .find(inv.getString("actions.find { it.type == 'notify-reporter' }.id"))
            .orElseThrow();

    var result = new ReporterMailConnector(mailer).execute(notice);

    assertThat(result.outcome())
        .isEqualTo(org.openair.action.connector.ConnectorResult.Outcome.RETRYABLE_FAILURE);
  }

  @Test
  void withoutAnSmtpHostReporterNoticesAreOnlyRecorded() {
    assertThat(
            new ReporterMailConnector(
                    new Mailer(
                        new Mailer.Settings(
                            Optional.empty(),
                            25,
                            "x@y",
                            Optional.empty(),
                            Optional.empty(),
                            false,
                            Duration.ofSeconds(1)),
                        Clock.systemUTC()))
                .supports())
        .isEmpty();
  }
}
