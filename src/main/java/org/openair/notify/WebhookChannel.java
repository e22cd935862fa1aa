package org.openair.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Approvers by HTTP POST of JSON: a generic payload for scripts and SIEMs, or the payloads Slack
 * incoming webhooks ({@code text}) and Microsoft Teams webhooks (a message with an Adaptive Card,
 * which Teams Workflows webhooks and the older incoming webhooks both accept) read.
 */
public final class WebhookChannel implements NotificationChannel {

  /** The payload shape. */
  public enum Format {
    JSON,
    SLACK,
    TEAMS
  }

  private final URI url;
  private final Format format;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Duration timeout;

  public WebhookChannel(URI url, Format format, ObjectMapper json, Duration timeout) {
    this.url = url;
    this.format = format;
    this.json = json;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return format.name().toLowerCase(java.util.Locale.ROOT) + "-webhook";
  }

  @Override
  public void send(PendingDigest digest) throws IOException, InterruptedException {
    String body = json.writeValueAsString(payload(digest));
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(name() + " answered HTTP " + response.statusCode());
    }
  }

  /** The JSON body for this channel's format. */
  public Map<String, Object> payload(PendingDigest digest) {
    return switch (format) {
      case JSON -> generic(digest);
      case SLACK -> Map.of("text", slackText(digest));
      case TEAMS -> teams(digest);
    };
  }

  private static Map<String, Object> generic(PendingDigest digest) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event", "actions.pending");
    out.put("count", digest.actions().size());
    out.put("summary", digest.title());
    out.put("url", digest.link());
    out.put(
        "actions",
        digest.actions().stream()
            .map(
                a -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", a.id());
                  m.put("investigationId", a.investigationId());
                  m.put("type", a.type().code());
                  m.put("target", a.target());
                  m.put("playbook", a.playbook());
                  m.put("approvalsRequired", a.approvalsRequired());
                  m.put("explanation", a.explanation());
                  m.put("createdAt", a.createdAt().toString());
                  m.put("url", digest.actionLink(a));
                  return m;
                })
            .toList());
    return out;
  }

  private static String slackText(PendingDigest digest) {
    StringBuilder out = new StringBuilder("*").append(escapeSlack(digest.title())).append("*\n");
    for (String line : digest.lines()) {
      out.append("• ").append(escapeSlack(line)).append('\n');
    }
    if (digest.unlisted() > 0) {
      out.append("• and ").append(digest.unlisted()).append(" more\n");
    }
    return out.append("<").append(digest.link()).append("|Decide them in OpenAIR>").toString();
  }

  // Slack reads &, < and > as markup in text.
  private static String escapeSlack(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Map<String, Object> teams(PendingDigest digest) {
    List<Object> body = new java.util.ArrayList<>();
    body.add(
        Map.of(
            "type",
            "TextBlock",
            "size",
            "Medium",
            "weight",
            "Bolder",
            "text",
            digest.title(),
            "wrap",
            true));
    for (String line : digest.lines()) {
      body.add(Map.of("type", "TextBlock", "text", "- " + line, "wrap", true));
    }
    if (digest.unlisted() > 0) {
      body.add(
          Map.of("type", "TextBlock", "text", "and " + digest.unlisted() + " more", "wrap", true));
    }
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    card.put("body", body);
    card.put(
        "actions",
        List.of(
            Map.of("type", "Action.OpenUrl", "title", "Decide in OpenAIR", "url", digest.link())));
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.put("contentUrl", null);
    attachment.put("content", card);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "message");
    out.put("attachments", List.of(attachment));
    return out;
  }
}
