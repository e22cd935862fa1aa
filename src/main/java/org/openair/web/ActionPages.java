package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.openair.NotFoundException;
import org.openair.action.ActionFilter;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.action.ActionStore;
import org.openair.action.BulkDecisions;
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

  /** An action in the list, with its age and what the reader may still do with it. */
  public record Row(ActionRecord action, String status, ActionState state, String age) {}

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
        Decisions.Report report,
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
      @QueryParam("results") String results,
      @QueryParam("undo") String undo) {
    Me me = console.me();
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
    ActionFilter filter =
        new ActionFilter(
            statusFilter,
            blank(investigation) ? null : investigation.strip(),
            typeFilter,
            blank(target) ? null : target.strip(),
            null,
            null,
            null,
            history);
    int p = page == null || page < 0 ? 0 : page;
    long total = actions.count(filter);
    List<Row> rows =
        actions.list(filter, p * PAGE_SIZE, PAGE_SIZE).stream()
            .map(
                a ->
                    new Row(
                        a, a.status().code(), ActionState.of(a, me), console.age(a.createdAt())))
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
    return Templates.actions(
        me,
        query,
        rows,
        total,
        p,
        (long) (p + 1) * PAGE_SIZE < total ? base + (p + 1) : null,
        p > 0 ? base + (p - 1) : null,
        Arrays.stream(ActionStatus.values()).map(ActionStatus::code).toList(),
        Arrays.stream(ActionType.values()).map(ActionType::code).toList(),
        decisions.report(results, me.username()),
        undoNotice(undo));
  }

  /**
   * Approves or rejects the chosen actions with one comment, then goes back to the page the form
   * was on, which shows what became of each action.
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
    BulkDecisions.Kind kind;
    if ("approve".equals(decision)) {
      kind = BulkDecisions.Kind.APPROVE;
    } else if ("reject".equals(decision)) {
      kind = BulkDecisions.Kind.REJECT;
    } else {
      throw new BadRequestException("decision", "the decision must be approve or reject");
    }
    String key = decisions.decide(ids, kind, console.username(), comment);
    return Console.seeOther(withParam(back, "results", key));
  }

  /** Undoes an executed reversible action, then goes back to the page the form was on. */
  @POST
  @Path("/{id}/undo")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
  public Response undo(
      @PathParam("id") String id, @RestForm String comment, @RestForm String back) {
    ActionRecord undo = decisions.undo(id, console.username(), comment);
    return Console.seeOther(withParam(back, "undo", undo.id()));
  }

  /** An action's place on its investigation's page, for links that name only the action. */
  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
  public Response show(@PathParam("id") String id) {
    ActionRecord a = actions.find(id).orElseThrow(() -> new NotFoundException("no action " + id));
    return Console.seeOther(
        "/ui/investigations/" + encode(a.investigationId()) + "#action-" + encode(a.id()));
  }

  /** The sentence shown after an undo was asked for; null without. */
  static String undoNotice(String undoId) {
    return blank(undoId)
        ? null
        : "Undo requested: action "
            + undoId
            + " puts it back and is carried out in the background.";
  }

  /**
   * {@code back} (the console page a form came from, else the action center) with one parameter.
   */
  static String withParam(String back, String name, String value) {
    String target = blank(back) ? "/ui/actions" : back;
    int hash = target.indexOf('#');
    String fragment = hash < 0 ? "" : target.substring(hash);
    String path = hash < 0 ? target : target.substring(0, hash);
    return path
        + (path.contains("?") ? "&" : "?")
        + name
        + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8)
        + fragment;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String param(String name, String value) {
    return blank(value) ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
