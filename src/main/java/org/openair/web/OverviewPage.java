package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.openair.action.ActionFilter;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.action.ActionStore;
import org.openair.investigation.InvestigationStore;
import org.openair.security.Roles;

/** The first page: what waits for a decision, where investigations stand, what was found. */
@Path("/ui")
@ConsolePage
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
public class OverviewPage {
  static final int PENDING_SHOWN = 10;
  static final int LATEST_SHOWN = 10;

  private final Console console;
  private final ActionStore actions;
  private final InvestigationStore investigations;

  @Inject
  public OverviewPage(Console console, ActionStore actions, InvestigationStore investigations) {
    this.console = console;
    this.actions = actions;
    this.investigations = investigations;
  }

  /** A pending action with how long it has waited. */
  public record Waiting(ActionRecord action, String age) {}

  /** How many investigations are in one status. */
  public record StatusCount(String status, long count) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance overview(
        Me me,
        List<Waiting> pending,
        long pendingTotal,
        List<StatusCount> statuses,
        VerdictChart chart,
        List<InvestigationStore.Listed> latest);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance overview() {
    ActionFilter waiting = ActionFilter.byStatus(ActionStatus.PENDING);
    List<Waiting> pending =
        actions.list(waiting, 0, PENDING_SHOWN).stream()
            .map(a -> new Waiting(a, console.age(a.createdAt())))
            .toList();
    List<StatusCount> statuses =
        investigations.countByStatus().entrySet().stream()
            .map(e -> new StatusCount(e.getKey().code(), e.getValue()))
            .toList();
    LocalDate today = LocalDate.ofInstant(console.now(), ZoneOffset.UTC);
    VerdictChart chart =
        VerdictChart.of(
            today,
            investigations.verdictsByDay(
                today.minusDays(VerdictChart.DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    return Templates.overview(
        console.me(),
        pending,
        actions.count(waiting),
        statuses,
        chart,
        investigations.search(InvestigationStore.Filter.all(), 0, LATEST_SHOWN));
  }
}
