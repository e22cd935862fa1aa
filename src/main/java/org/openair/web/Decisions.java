package org.openair.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.action.ActionCenter;
import org.openair.action.ActionConflictException;
import org.openair.action.ActionRecord;

/**
 * The console's one way to approve and reject actions, one or many with one comment. A reject
 * always carries a comment. Each action is decided on its own, so one that was decided meanwhile
 * does not stop the rest.
 */
@ApplicationScoped
public class Decisions {
  private final ActionCenter center;

  @Inject
  public Decisions(ActionCenter center) {
    this.center = center;
  }

  public enum Kind {
    APPROVE,
    REJECT
  }

  /** What became of one action: its status after the decision, or why it was not decided. */
  public record Outcome(String actionId, String status, String problem) {}

  public List<Outcome> decide(List<String> actionIds, Kind kind, String user, String comment) {
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (actionIds == null || actionIds.isEmpty()) {
      throw new BadRequestException("id", "choose at least one action");
    }
    if (kind == Kind.REJECT && note == null) {
      throw new BadRequestException("comment", "say why in the comment when rejecting");
    }
    if (note != null && note.length() > 4000) {
      throw new BadRequestException("comment", "the comment must be at most 4000 characters");
    }
    List<Outcome> out = new ArrayList<>();
    for (String id : actionIds) {
      try {
        ActionRecord after =
            kind == Kind.APPROVE ? center.approve(id, user, note) : center.reject(id, user, note);
        out.add(new Outcome(id, after.status().code(), null));
      } catch (ActionConflictException | NotFoundException e) {
        out.add(new Outcome(id, null, e.getMessage()));
      }
    }
    return out;
  }
}
