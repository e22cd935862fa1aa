package org.openair.action.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openair.support.TestActions.approved;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openair.domain.ActionType;
import org.openair.domain.EntityType;
import org.openair.support.TestConfig;

/**
 * The identity webhook against a local HTTP endpoint that stands in for a directory or identity
 * provider (none can run here).
 */
class IdentityWebhookTest {
  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(202);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private IdentityWebhook webhook() {
    return new IdentityWebhook(
        TestConfig.of(
            Map.of(
                "openair.connectors.webhook.enabled", "true",
                "openair.connectors.webhook.url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                "openair.connectors.webhook.authorization", "Bearer t0ken",
                "openair.connectors.webhook.timeout", "5s")));
  }

  @Test
  void shouldPostTheTemplateWithEscapedValues() {
    var action =
        approved(ActionType.DISABLE_USER, EntityType.MAILBOX, "alice\"@corp.example", List.of());

    ConnectorResult r = webhook().execute(action);

    assertThat(r.outcome()).isEqualTo(ConnectorResult.Outcome.DONE);
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0))
        .contains("\"action\":\"disable-user\"")
        .contains("\"user\":\"alice\\\"@corp.example\"")
        .contains("\"actionId\":\"" + action.id() + "\"");
    assertThat(authorizations).containsExactly("Bearer t0ken");
  }

  @Test
  void shouldRetryOnAServerErrorAndGiveUpOnARefusal() {
    var action =
        approved(ActionType.RESET_PASSWORD, EntityType.MAILBOX, "bob@corp.example", List.of());
    status.set(503);
    assertThat(webhook().execute(action).outcome())
        .isEqualTo(ConnectorResult.Outcome.RETRYABLE_FAILURE);
    status.set(403);
    ConnectorResult refused = webhook().execute(action);
    assertThat(refused.outcome()).isEqualTo(ConnectorResult.Outcome.PERMANENT_FAILURE);
    assertThat(refused.note()).contains("403");
  }

  @Test
  void shouldSupportNothingWhenDisabled() {
    assertThat(new IdentityWebhook(TestConfig.of(Map.of())).supports()).isEmpty();
  }
}
