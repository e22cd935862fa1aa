package org.openair.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStore;
import org.openair.audit.AuditEntry;
import org.openair.audit.AuditLog;
import org.openair.domain.AlertType;
import org.openair.domain.Message;
import org.openair.domain.Verdict;
import org.openair.investigation.AlertRecord;
import org.openair.investigation.InvestigationRecord;
import org.openair.investigation.InvestigationResult;
import org.openair.investigation.InvestigationStatus;
import org.openair.investigation.InvestigationStore;
import org.openair.security.Roles;
import org.openair.store.MessageStore;

/** The list of investigations with filters, and each investigation with its evidence. */
@Path("/ui/investigations")
@ConsolePage
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
public class InvestigationPages {
  static final int PAGE_SIZE = 25;

  private final Console console;
  private final InvestigationStore investigations;
  private final ActionStore actions;
  private final AuditLog audit;
  private final MessageStore messages;
  private final ObjectMapper json;
  private final Decisions decisions;

  @Inject
  public InvestigationPages(
      Console console,
      InvestigationStore investigations,
      ActionStore actions,
      AuditLog audit,
      MessageStore messages,
      ObjectMapper json,
      Decisions decisions) {
    this.console = console;
    this.investigations = investigations;
    this.actions = actions;
    this.audit = audit;
    this.messages = messages;
    this.json = json;
    this.decisions = decisions;
  }

  /** The list's filter as the form sent it, so the form shows it again. */
  public record Query(
      String status,
      String verdict,
      String playbook,
      String from,
      String to,
      String mailbox,
      String sender) {

    /** The query string of this filter, for paging links. */
    public String params() {
      StringBuilder b = new StringBuilder();
      add(b, "status", status);
      add(b, "verdict", verdict);
      add(b, "playbook", playbook);
      add(b, "from", from);
      add(b, "to", to);
      add(b, "mailbox", mailbox);
      add(b, "sender", sender);
      return b.toString();
    }

    private static void add(StringBuilder b, String name, String value) {
      if (value != null && !value.isBlank()) {
        b.append('&')
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
  }

  /** A page of the list with links to its neighbours. */
  public record Paging(int page, long total, int pages, String previous, String next) {}

  /** A finding as the page shows it, with a link to its rule's text where the reader may see it. */
  public record FindingRow(
      String category,
      int score,
      String explanation,
      String ruleId,
      String ruleName,
      String ruleHref,
      List<String> matched) {}

  /** An entity with its verdict and the findings about it. */
  public record EntityGroup(
      String anchor,
      String type,
      String id,
      String verdict,
      String threatKind,
      String explanation,
      List<FindingRow> findings) {}

  /** An action on the investigation page. */
  public record ActionRow(
      ActionRecord action,
      String status,
      ActionState state,
      String ruleHref,
      String age,
      String mailboxes) {}

  /** The rule behind the investigation's verdict. */
  public record VerdictRow(String verdict, String explanation, String ruleId, String ruleHref) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Me me,
        Query query,
        List<InvestigationStore.Listed> items,
        Paging paging,
        List<String> statuses,
        List<String> verdicts,
        List<String> playbooks);

    static native TemplateInstance detail(
        Me me,
        InvestigationRecord investigation,
        AlertRecord alert,
        String subject,
        VerdictRow verdict,
        EntityGraph graph,
        List<EntityGroup> entities,
        List<ActionRow> actions,
        boolean anyApprovable,
        List<AuditEntry> log,
        List<String> warnings,
        Decisions.Report report,
        String notice);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("status") String status,
      @QueryParam("verdict") String verdict,
      @QueryParam("playbook") String playbook,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("mailbox") String mailbox,
      @QueryParam("sender") String sender,
      @QueryParam("page") Integer page) {
    InvestigationStore.Filter filter =
        new InvestigationStore.Filter(
            blank(status)
                ? null
                : InvestigationStatus.fromCode(status)
                    .orElseThrow(
                        () -> new BadRequestException("status", "unknown status '" + status + "'")),
            blank(verdict) ? null : verdict(verdict),
            blank(playbook) ? null : playbook.strip(),
            blank(from) ? null : day(from, "from").atStartOfDay(ZoneOffset.UTC).toInstant(),
            blank(to) ? null : day(to, "to").plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            blank(mailbox) ? null : mailbox,
            blank(sender) ? null : sender);
    int p = page == null || page < 0 ? 0 : page;
    long total = investigations.count(filter);
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    Query query = new Query(status, verdict, playbook, from, to, mailbox, sender);
    String base = "/ui/investigations?" + query.params().replaceFirst("^&", "");
    String sep = query.params().isEmpty() ? "" : "&";
    Paging paging =
        new Paging(
            p,
            total,
            pages,
            p > 0 ? base + sep + "page=" + (p - 1) : null,
            p + 1 < pages ? base + sep + "page=" + (p + 1) : null);
    return Templates.list(
        console.me(),
        query,
        investigations.search(filter, p * PAGE_SIZE, PAGE_SIZE),
        paging,
        Arrays.stream(InvestigationStatus.values()).map(InvestigationStatus::code).toList(),
        Arrays.stream(Verdict.values()).map(Verdict::code).toList(),
        Arrays.stream(AlertType.values()).map(AlertType::playbook).distinct().toList());
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance detail(
      @PathParam("id") String id,
      @QueryParam("results") String results,
      @QueryParam("undo") String undo) {
    InvestigationRecord inv =
        investigations.find(id).orElseThrow(() -> new NotFoundException("no investigation " + id));
    AlertRecord alert = investigations.alert(inv.alertId()).orElse(null);
    InvestigationResult result = parse(inv.result());
    Me me = console.me();
    List<ActionRecord> recorded = actions.byInvestigation(id);

    List<ActionRow> actionRows = new ArrayList<>();
    for (ActionRecord a : recorded) {
      Set<String> mailboxes = new LinkedHashSet<>();
      a.deliveries().forEach(d -> mailboxes.add(d.mailbox()));
      actionRows.add(
          new ActionRow(
              a,
              a.status().code(),
              ActionState.of(a, me),
              ruleHref(me, a.ruleSetId(), a.ruleFile(), a.ruleId()),
              console.age(a.createdAt()),
              mailboxSummary(mailboxes)));
    }

    List<EntityGroup> groups = entities(me, inv, alert, result, recorded);
    EntityGraph graph = graph(inv, alert, result, groups);

    List<String> ids = new ArrayList<>();
    ids.add(id);
    recorded.forEach(a -> ids.add(a.id()));
    VerdictRow verdict = null;
    if (result != null) {
      var p = result.verdictProvenance();
      verdict =
          new VerdictRow(
              inv.verdict().code(),
              result.verdictExplanation(),
              p == null ? null : p.ruleId(),
              p == null ? null : ruleHref(me, p.ruleSetId(), p.file(), p.ruleId()));
    }
    String subject =
        alert == null || alert.messageId() == null
            ? null
            : messages.message(alert.messageId()).map(Message::getSubject).orElse(null);
    return Templates.detail(
        me,
        inv,
        alert,
        subject,
        verdict,
        graph,
        groups,
        actionRows,
        actionRows.stream().anyMatch(r -> r.state().approvable()),
        audit.forEntities(ids),
        result == null ? List.of() : result.warnings(),
        decisions.report(results, me.username()),
        ActionPages.undoNotice(undo));
  }

  /**
   * The entities of the investigation, each with its findings: those the engine named, the
   * mailboxes its actions cover and the people the alert names.
   */
  private List<EntityGroup> entities(
      Me me,
      InvestigationRecord inv,
      AlertRecord alert,
      InvestigationResult result,
      List<ActionRecord> recorded) {
    Map<String, InvestigationResult.EntityView> entities = new LinkedHashMap<>();
    Map<String, List<FindingRow>> findings = new LinkedHashMap<>();
    if (result != null) {
      for (InvestigationResult.EntityView e : result.entities()) {
        entities.putIfAbsent(key(e.type(), e.id()), e);
      }
      for (InvestigationResult.FindingView f : result.findings()) {
        String k = key(f.entityType(), f.entityId());
        entities.putIfAbsent(
            k,
            new InvestigationResult.EntityView(
                f.entityType(), f.entityId(), "unknown", "none", null, null));
        var p = f.provenance();
        findings
            .computeIfAbsent(k, x -> new ArrayList<>())
            .add(
                new FindingRow(
                    f.category(),
                    f.score(),
                    f.explanation(),
                    p == null ? null : p.ruleId(),
                    p == null ? null : p.ruleName(),
                    p == null ? null : ruleHref(me, p.ruleSetId(), p.file(), p.ruleId()),
                    p == null ? List.of() : p.matchedFacts()));
      }
    }
    List<String> people = new ArrayList<>();
    if (alert != null) {
      people.add(alert.reportedBy());
      people.add(alert.user());
    }
    recorded.forEach(a -> a.deliveries().forEach(d -> people.add(d.mailbox())));
    for (String mailbox : people) {
      if (mailbox != null
          && !entities.containsKey(key("mailbox", mailbox))
          && !entities.containsKey(key("user", mailbox))) {
        entities.put(
            key("mailbox", mailbox),
            new InvestigationResult.EntityView("mailbox", mailbox, "unknown", "none", null, null));
      }
    }
    List<EntityGroup> out = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, InvestigationResult.EntityView> e : entities.entrySet()) {
      InvestigationResult.EntityView v = e.getValue();
      out.add(
          new EntityGroup(
              "entity-" + n++,
              v.type(),
              v.id(),
              v.verdict(),
              v.threatKind(),
              v.explanation(),
              findings.getOrDefault(e.getKey(), List.of())));
    }
    return out;
  }

  private static EntityGraph graph(
      InvestigationRecord inv,
      AlertRecord alert,
      InvestigationResult result,
      List<EntityGroup> groups) {
    EntityGraph.Entity root = null;
    List<EntityGraph.Entity> others = new ArrayList<>();
    for (EntityGroup g : groups) {
      EntityGraph.Entity e = new EntityGraph.Entity(g.type(), g.id(), g.verdict(), g.anchor());
      if (root == null && g.type().equals("message")) {
        root = e;
      } else {
        others.add(e);
      }
    }
    if (root == null) {
      root =
          new EntityGraph.Entity(
              "alert",
              alert == null ? inv.alertId() : alert.type().code(),
              inv.verdict().code(),
              "alert");
    }
    return EntityGraph.layout(root, others);
  }

  /**
   * The link to a rule in the file of the rule set that was used, for readers who may see rule
   * files (auditors and admins, as in the API); null for the others.
   */
  static String ruleHref(Me me, String ruleSetId, String file, String ruleId) {
    if (!me.canAudit() || ruleSetId == null || file == null) {
      return null;
    }
    return "/ui/rules/sets/"
        + encode(ruleSetId)
        + "/files/"
        + encode(file)
        + (ruleId == null ? "" : "#rule-" + encode(ruleId));
  }

  /** "3 mailboxes: a, b, c" with at most three names. */
  static String mailboxSummary(Set<String> mailboxes) {
    if (mailboxes.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>(mailboxes);
    String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
    return names.size()
        + (names.size() == 1 ? " mailbox: " : " mailboxes: ")
        + shown
        + (names.size() > 3 ? ", …" : "");
  }

  private InvestigationResult parse(String result) {
    if (result == null) {
      return null;
    }
    try {
      return json.readValue(result, InvestigationResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored result cannot be read", e);
    }
  }

  private static String key(String type, String id) {
    return type + "|" + id;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Verdict verdict(String code) {
    try {
      return Verdict.valueOf(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("verdict", "unknown verdict '" + code + "'");
    }
  }

  private static LocalDate day(String text, String field) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + field + "' must be a date such as 2026-11-27");
    }
  }
}
