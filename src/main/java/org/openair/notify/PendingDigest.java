package org.openair.notify;

import java.util.List;
import org.openair.action.ActionRecord;

/** One batch of newly waiting actions, worded once for every channel. */
public record PendingDigest(List<ActionRecord> actions, String baseUrl) {
  /** The most actions listed one by one; the rest are counted. */
  static final int LISTED = 20;

  public String title() {
    return actions.size() == 1
        ? "1 action waits for approval in OpenAIR"
        : actions.size() + " actions wait for approval in OpenAIR";
  }

  public String link() {
    return trimSlash(baseUrl) + "/api/v1/actions?status=pending";
  }

  public String actionLink(ActionRecord a) {
    return trimSlash(baseUrl) + "/api/v1/actions/" + a.id();
  }

  /** One line per listed action: type, target, playbook, and what the rule said. */
  public List<String> lines() {
    return actions.stream().limit(LISTED).map(PendingDigest::line).toList();
  }

  /** How many actions are not listed one by one. */
  public int unlisted() {
    return Math.max(0, actions.size() - LISTED);
  }

  public String text() {
    StringBuilder out = new StringBuilder(title()).append(".\n\n");
    for (String line : lines()) {
      out.append("- ").append(line).append('\n');
    }
    if (unlisted() > 0) {
      out.append("- and ").append(unlisted()).append(" more\n");
    }
    return out.append("\nDecide them at ").append(link()).append('\n').toString();
  }

  static String line(ActionRecord a) {
    return a.type().code()
        + " "
        + a.target()
        + (a.playbook() == null ? "" : " (" + a.playbook() + ")")
        + (a.approvalsRequired() > 1 ? " [needs " + a.approvalsRequired() + " approvers]" : "")
        + ": "
        + a.explanation()
        + " ["
        + a.id()
        + "]";
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
