package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.openair.BadRequestException;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.action.ActionStore;
import org.openair.domain.ActionType;
import org.openair.security.Roles;

/** The action center: pending actions across investigations, decisions, and their history. */
@Path("/ui/actions")
@ConsolePage
public class ActionPages {
  static final int PAGE_SIZE = 50;

  private final Console console;
  private final ActionStore actions;
  private final Decisions decisions;

  @Inject
  public ActionPages(Console console, ActionStore actions, Decisions decisions) {
    this.console = console;
    this.actions = actions;
    this.decisions = decisions;
  }

  /** An action in the list, with its age and who decided it. */
  public record Row(ActionRecord action, String status, boolean pending, String age) {}

  /** The filter as the form sent it. */
  public record Query(
      String view, String status, String type, String investigation, String target) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance actions(
        Me me,
        Query query,
        List<Row> rows,
        long total,
        int page,
        String next,
        String previous,
        List<String> statuses,
        List<String> types,
        String notice);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public TemplateInstance list(
      @QueryParam("view") String view,
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("investigation") String investigation,
      @QueryParam("target") String target,
      @QueryParam("page") Integer page,
      @QueryParam("decided") Integer decided,
      @QueryParam("refused") Integer refused) {
    boolean history = "history".equals(view);
    ActionStatus statusFilter =
        blank(status)
            ? (history ? null : ActionStatus.PENDING)
            : ActionStatus.fromCode(status)
                .orElseThrow(
                    () -> new BadRequestException("status", "unknown status '" + status + "'"));
    ActionType typeFilter =
        blank(type)
            ? null
            : ActionType.fromCode(type)
                .orElseThrow(() -> new BadRequestException("type", "unknown type '" + type + "'"));
    ActionStore.Filter filter =
        new ActionStore.Filter(
            statusFilter,
            typeFilter,
            blank(investigation) ? null : investigation.strip(),
            blank(target) ? null : target,
            history);
    int p = page == null || page < 0 ? 0 : page;
    long total = actions.count(filter);
    List<Row> rows =
        actions.search(filter, p * PAGE_SIZE, PAGE_SIZE).stream()
            .map(
                a ->
                    new Row(
                        a,
                        a.status().code(),
                        a.status() == ActionStatus.PENDING,
                        console.age(a.createdAt())))
            .toList();
    Query query =
        new Query(
            history ? "history" : "pending",
            statusFilter == null ? "" : statusFilter.code(),
            type,
            investigation,
            target);
    String base =
        "/ui/actions?view="
            + query.view()
            + "&status="
            + query.status()
            + param("type", type)
            + param("investigation", investigation)
            + param("target", target)
            + "&page=";
    String notice = notice(decided, refused);
    return Templates.actions(
        console.me(),
        query,
        rows,
        total,
        p,
        (long) (p + 1) * PAGE_SIZE < total ? base + (p + 1) : null,
        p > 0 ? base + (p - 1) : null,
        Arrays.stream(ActionStatus.values()).map(ActionStatus::code).toList(),
        Arrays.stream(ActionType.values()).map(ActionType::code).toList(),
        notice);
  }

  /**
   * Approves or rejects the chosen actions with one comment, then goes back to the page the form
   * was on.
   */
  @POST
  @Path("/decide")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
  public Response decide(
      @RestForm("id") List<String> ids,
      @RestForm String decision,
      @RestForm String comment,
      @RestForm String back) {
    Decisions.Kind kind;
    if ("approve".equals(decision)) {
      kind = Decisions.Kind.APPROVE;
    } else if ("reject".equals(decision)) {
      kind = Decisions.Kind.REJECT;
    } else {
      throw new BadRequestException("decision", "the decision must be approve or reject");
    }
    List<Decisions.Outcome> outcomes = decisions.decide(ids, kind, console.username(), comment);
    long refused = outcomes.stream().filter(o -> o.problem() != null).count();
    String target = back == null || back.isBlank() ? "/ui/actions" : back;
    String sep = target.contains("?") ? "&" : "?";
    return Console.seeOther(
        target + sep + "decided=" + (outcomes.size() - refused) + "&refused=" + refused);
  }

  /** The sentence shown after a decision, from the counts the redirect carries; null without. */
  static String notice(Integer decided, Integer refused) {
    if (decided == null && refused == null) {
      return null;
    }
    int d = decided == null ? 0 : decided;
    int r = refused == null ? 0 : refused;
    return d
        + (d == 1 ? " action" : " actions")
        + " decided"
        + (r > 0 ? "; " + r + " could not be (decided meanwhile, or gone)" : "")
        + ".";
  }

  private static String param(String name, String value) {
    return blank(value) ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
