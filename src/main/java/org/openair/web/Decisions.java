package org.openair.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openair.BadRequestException;
import org.openair.action.ActionCenter;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.action.BulkDecisions;

/**
 * The console's decisions: approve or reject one or many actions with one comment through the
 * action center's {@link BulkDecisions}, and undo. The result of each action is kept for a short
 * while under a random key, so the page the browser is sent back to can show it: the form posts,
 * the server redirects, and a reload does not decide again.
 */
@ApplicationScoped
public class Decisions {
  static final Duration KEEP = Duration.ofMinutes(15);
  static final int MAX_KEPT = 500;

  private final BulkDecisions bulk;
  private final ActionCenter center;
  private final Clock clock;
  private final Map<String, Kept> kept = new LinkedHashMap<>();

  @Inject
  public Decisions(BulkDecisions bulk, ActionCenter center, Clock clock) {
    this.bulk = bulk;
    this.center = center;
    this.clock = clock;
  }

  /**
   * What became of one action, in words: {@code outcome} is a short code (approved, approval-
   * recorded, merged, rejected, unchanged, or the refusal's HTTP status as forbidden, conflict,
   * not-found, invalid), {@code ok} whether it went through.
   */
  public record Line(
      String actionId,
      String type,
      String target,
      String outcome,
      boolean ok,
      String sentence,
      String linkId) {}

  /** The results of one decision as a page shows them. */
  public record Report(List<Line> lines, int succeeded, int failed) {

    /** "3 actions decided; 1 refused." */
    public String summary() {
      return succeeded
          + (succeeded == 1 ? " action" : " actions")
          + " decided"
          + (failed > 0 ? "; " + failed + " refused, see below" : "")
          + ".";
    }
  }

  private record Kept(String user, Instant at, Report report) {}

  /**
   * Decides the chosen actions as {@code user} and keeps the result; returns the key the page asks
   * for it with.
   */
  public String decide(
      List<String> actionIds, BulkDecisions.Kind kind, String user, String comment) {
    if (actionIds == null || actionIds.isEmpty()) {
      throw new BadRequestException("id", "choose at least one action");
    }
    if (kind == BulkDecisions.Kind.REJECT && BulkDecisions.checkedComment(comment) == null) {
      throw new BadRequestException("comment", "say why in the comment when rejecting");
    }
    BulkDecisions.Result result = bulk.decide(kind, actionIds, user, comment);
    List<Line> lines = new ArrayList<>();
    for (BulkDecisions.Item item : result.items()) {
      lines.add(line(item, kind, user));
    }
    return keep(user, new Report(List.copyOf(lines), result.succeeded(), result.failed()));
  }

  /** Undoes an executed reversible action as {@code user}; returns the undo action. */
  public ActionRecord undo(String actionId, String user, String comment) {
    return center.undo(actionId, user, BulkDecisions.checkedComment(comment));
  }

  /** The report kept under {@code key} for {@code user}; null when there is none (or it aged). */
  public synchronized Report report(String key, String user) {
    if (key == null) {
      return null;
    }
    prune();
    Kept k = kept.get(key);
    return k == null || !k.user().equals(user) ? null : k.report();
  }

  private synchronized String keep(String user, Report report) {
    prune();
    while (kept.size() >= MAX_KEPT) {
      kept.remove(kept.keySet().iterator().next());
    }
    String key = UUID.randomUUID().toString();
    kept.put(key, new Kept(user, clock.instant(), report));
    return key;
  }

  private void prune() {
    Instant cutoff = clock.instant().minus(KEEP);
    kept.values().removeIf(k -> k.at().isBefore(cutoff));
  }

  static Line line(BulkDecisions.Item item, BulkDecisions.Kind kind, String user) {
    ActionRecord a = item.action();
    if (!item.succeeded()) {
      String outcome =
          switch (item.status()) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            default -> "invalid";
          };
      return new Line(item.id(), null, null, outcome, false, item.error(), null);
    }
    String type = a.type().code();
    if (kind == BulkDecisions.Kind.REJECT) {
      boolean mine = user.equals(a.decidedBy());
      return new Line(
          a.id(),
          type,
          a.target(),
          mine ? "rejected" : "unchanged",
          true,
          mine ? "Rejected." : "Rejected already by " + a.decidedBy() + ".",
          null);
    }
    if (a.status() == ActionStatus.PENDING) {
      return new Line(
          a.id(),
          type,
          a.target(),
          "approval-recorded",
          true,
          "Your approval is recorded ("
              + a.approvals().size()
              + " of "
              + a.approvalsRequired()
              + "); it waits for another approver.",
          null);
    }
    if (a.status() == ActionStatus.MERGED) {
      return new Line(
          a.id(),
          type,
          a.target(),
          "merged",
          true,
          "Merged: the same action on the same target, approved shortly before, covers it:",
          a.mergedInto());
    }
    if (user.equals(a.decidedBy())) {
      return new Line(
          a.id(),
          type,
          a.target(),
          "approved",
          true,
          "Approved; it is carried out in the background (now " + a.status().code() + ").",
          null);
    }
    return new Line(
        a.id(),
        type,
        a.target(),
        "unchanged",
        true,
        "Decided already by " + a.decidedBy() + " (now " + a.status().code() + ").",
        null);
  }
}
