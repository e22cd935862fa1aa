package org.openair.action.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.logging.Logger;
import org.openair.action.ActionRecord;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;

/**
 * Identity actions (disable a user, reset a password, revoke sessions) posted as JSON to a
 * configured webhook, since every directory and identity provider has its own API. The receiver
 * gets the action id and should treat a repeated id as the same request.
 */
@ApplicationScoped
public class IdentityWebhook implements Connector {
  private static final Logger LOG = Logger.getLogger(IdentityWebhook.class);

  private final OpenAirConfig.Webhook config;
  private final HttpClient http;

  @Inject
  public IdentityWebhook(OpenAirConfig config) {
    this.config = config.connectors().webhook();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(this.config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Set<ActionType> supports() {
    return config.enabled() && config.url().isPresent()
        ? Set.of(ActionType.DISABLE_USER, ActionType.RESET_PASSWORD, ActionType.REVOKE_SESSIONS)
        : Set.of();
  }

  @Override
  public ConnectorResult execute(ActionRecord action) {
    String url = config.url().orElse("");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", action.id())
            .POST(HttpRequest.BodyPublishers.ofString(body(action)));
    config.authorization().ifPresent(a -> request.header("Authorization", a));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      String answer = "webhook " + url + " answered " + status;
      if (status >= 200 && status < 300) {
        return ConnectorResult.done(answer);
      }
      String detail = response.body() == null ? "" : ": " + cut(response.body().strip(), 200);
      return status >= 500 || status == 429
          ? ConnectorResult.retry(answer + detail)
          : ConnectorResult.failed(answer + detail);
    } catch (IOException e) {
      LOG.warnf("webhook for %s: %s", action.id(), e.toString());
      return ConnectorResult.retry("webhook " + url + " not reachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectorResult.retry("webhook call to " + url + " was interrupted");
    }
  }

  /** The template with the action's values put in, JSON-escaped. */
  String body(ActionRecord action) {
    return config
        .template()
        .replace("{action}", json(action.type().code()))
        .replace("{target}", json(action.target()))
        .replace("{actionId}", json(action.id()))
        .replace("{investigationId}", json(action.investigationId()))
        .replace("{explanation}", json(action.explanation()));
  }

  static String json(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
