package org.openair.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openair.BadRequestException;
import org.openair.NotFoundException;

/**
 * Approves or rejects many actions with one comment, for the API and the console alike. Each action
 * is decided on its own, as it would be alone, so one that is refused does not stop the rest.
 */
@ApplicationScoped
public class BulkDecisions {
  /** The most actions one bulk decision may name. */
  public static final int MAX_IDS = 500;

  /** The most characters a decision's comment may have. */
  public static final int MAX_COMMENT = 4000;

  private final ActionCenter center;

  @Inject
  public BulkDecisions(ActionCenter center) {
    this.center = center;
  }

  public enum Kind {
    APPROVE,
    REJECT
  }

  /**
   * What became of one action: the HTTP status its decision would have had alone (200, or 400, 403,
   * 404, 409), the action after a 200, and the reason otherwise.
   */
  public record Item(String id, int status, ActionRecord action, String error) {
    public boolean succeeded() {
      return status == 200;
    }
  }

  /** The items in the order the ids were given, duplicates dropped. */
  public record Result(List<Item> items) {
    public int succeeded() {
      return (int) items.stream().filter(Item::succeeded).count();
    }

    public int failed() {
      return items.size() - succeeded();
    }
  }

  /**
   * Decides every action in {@code ids} as {@code user}. A rejection needs a comment. Bad input for
   * the whole request (no ids, too many, an empty one, a long comment) is a 400 before anything is
   * decided.
   */
  public Result decide(Kind kind, List<String> ids, String user, String comment) {
    List<String> unique = checkedIds(ids);
    String note = checkedComment(comment);
    if (kind == Kind.REJECT && note == null) {
      throw new BadRequestException("comment", "a rejection needs a 'comment' saying why");
    }
    List<Item> items = new ArrayList<>();
    for (String id : unique) {
      try {
        ActionRecord after =
            kind == Kind.APPROVE ? center.approve(id, user, note) : center.reject(id, user, note);
        items.add(new Item(id, 200, after, null));
      } catch (NotFoundException e) {
        items.add(new Item(id, 404, null, e.getMessage()));
      } catch (ActionConflictException e) {
        items.add(new Item(id, 409, null, e.getMessage()));
      } catch (ActionForbiddenException e) {
        items.add(new Item(id, 403, null, e.getMessage()));
      } catch (BadRequestException e) {
        items.add(new Item(id, 400, null, e.getMessage()));
      }
    }
    return new Result(List.copyOf(items));
  }

  private static List<String> checkedIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new BadRequestException("ids", "'ids' must list at least one action id");
    }
    if (ids.size() > MAX_IDS) {
      throw new BadRequestException("ids", "'ids' may list at most " + MAX_IDS + " actions");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String id : ids) {
      if (id == null || id.isBlank()) {
        throw new BadRequestException("ids", "'ids' must not contain empty ids");
      }
      unique.add(id.strip());
    }
    return List.copyOf(unique);
  }

  /** The comment stripped, or null when there is none. */
  public static String checkedComment(String comment) {
    if (comment == null || comment.isBlank()) {
      return null;
    }
    if (comment.length() > MAX_COMMENT) {
      throw new BadRequestException(
          "comment", "'comment' must be at most " + MAX_COMMENT + " characters");
    }
    return comment.strip();
  }
}
