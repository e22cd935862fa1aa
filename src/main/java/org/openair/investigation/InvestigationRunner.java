package org.openair.investigation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openair.action.ActionCenter;
import org.openair.action.ActionRecord;
import org.openair.action.ActionStatus;
import org.openair.action.ActionStore;
import org.openair.action.AutomationPolicy;
import org.openair.action.AutomationSettings;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.domain.Alert;
import org.openair.domain.Attachment;
import org.openair.domain.Delivery;
import org.openair.domain.EntityVerdict;
import org.openair.domain.Investigation;
import org.openair.domain.Link;
import org.openair.domain.Mailbox;
import org.openair.domain.Message;
import org.openair.domain.Organisation;
import org.openair.domain.RecommendedAction;
import org.openair.domain.Verdict;
import org.openair.engine.Derived;
import org.openair.engine.InvestigationInput;
import org.openair.engine.InvestigationOutcome;
import org.openair.engine.Investigator;
import org.openair.engine.RuleService;
import org.openair.engine.RuleSet;
import org.openair.intake.Domains;
import org.openair.store.Db;
import org.openair.store.Ids;
import org.openair.store.MessageStore;

/**
 * Runs one claimed investigation: gathers the alert's facts from the store, runs the current rule
 * set over them and stores the outcome with its recommended actions.
 */
@ApplicationScoped
public class InvestigationRunner {
  private final InvestigationStore investigations;
  private final MessageStore messages;
  private final ActionStore actions;
  private final ActionCenter actionCenter;
  private final AutomationSettings automation;
  private final StoreFactSource factSource;
  private final RuleService rules;
  private final OrganisationSettings organisation;
  private final AuditLog audit;
  private final Db db;
  private final ObjectMapper json;
  private final Clock clock;
  private final Investigator investigator;

  @Inject
  public InvestigationRunner(
      InvestigationStore investigations,
      MessageStore messages,
      ActionStore actions,
      ActionCenter actionCenter,
      AutomationSettings automation,
      StoreFactSource factSource,
      RuleService rules,
      OrganisationSettings organisation,
      AuditLog audit,
      Db db,
      ObjectMapper json,
      Clock clock,
      OpenAirConfig config) {
    this.investigations = investigations;
    this.messages = messages;
    this.actions = actions;
    this.actionCenter = actionCenter;
    this.automation = automation;
    this.factSource = factSource;
    this.rules = rules;
    this.organisation = organisation;
    this.audit = audit;
    this.db = db;
    this.json = json;
    this.clock = clock;
    this.investigator = new Investigator(config.investigation().maxLookupRounds());
  }

  /** Investigates a claimed (running) investigation and stores what was found. */
  public void run(String investigationId) {
    InvestigationRecord record = investigations.find(investigationId).orElseThrow();
    AlertRecord alertRecord = investigations.alert(record.alertId()).orElseThrow();
    Alert alert = alertRecord.toFact();
    RuleSet ruleSet = rules.current();
    // The policy is fixed when the investigation starts, so a change applies to later ones only.
    AutomationPolicy policy = automation.snapshot(investigationId);
    Instant now = clock.instant();
    Organisation org = organisation.current();

    List<Object> facts = new ArrayList<>();
    Set<String> mailboxes = new LinkedHashSet<>();
    Optional<Message> message =
        alert.getMessageId() == null ? Optional.empty() : messages.message(alert.getMessageId());
    message.ifPresent(
        m -> {
          facts.add(m);
          List<Link> links = messages.links(m.getId());
          List<Attachment> attachments = messages.attachments(m.getId());
          List<Delivery> deliveries = messages.deliveries(List.of(m.getId()));
          facts.addAll(links);
          facts.addAll(attachments);
          facts.addAll(deliveries);
          deliveries.forEach(d -> mailboxes.add(d.getMailbox()));
        });
    if (alert.getUrl() != null && !alert.getUrl().isBlank()) {
      // The alert's URL is analysed like a link of a message: rules find it by this message id.
      facts.add(Domains.link(Alert.linkMessageId(alert.getId()), alert.getUrl(), null));
    }
    if (alert.getReportedBy() != null) {
      mailboxes.add(alert.getReportedBy());
    }
    if (alert.getUser() != null) {
      mailboxes.add(alert.getUser());
    }
    for (String mailbox : mailboxes) {
      facts.add(
          new Mailbox(mailbox, org.getVipNames().get(mailbox), org.getVips().contains(mailbox)));
    }

    InvestigationOutcome outcome =
        investigator.investigate(
            ruleSet,
            new InvestigationInput(
                new Investigation(investigationId, alert.getPlaybook(), now), alert, org, facts),
            factSource);

    Map<String, String> imids = new LinkedHashMap<>();
    List<ActionRecord> recommended = new ArrayList<>();
    for (Derived<RecommendedAction> d : outcome.actions()) {
      RecommendedAction a = d.fact();
      List<ActionRecord.DeliveryRef> refs = new ArrayList<>();
      for (Delivery delivery : a.getDeliveries()) {
        String imid =
            imids.computeIfAbsent(
                delivery.getMessageId(),
                id -> messages.message(id).map(Message::getInternetMessageId).orElse(null));
        refs.add(
            new ActionRecord.DeliveryRef(
                delivery.getId(), delivery.getMessageId(), delivery.getMailbox(), imid));
      }
      var p = d.provenance();
      recommended.add(
          new ActionRecord(
              Ids.next("act"),
              investigationId,
              a.getType(),
              a.getTargetType(),
              a.getTarget(),
              refs,
              ActionStatus.PENDING,
              p.ruleId(),
              p.ruleName(),
              p.playbook(),
              p.file(),
              p.fileSha256(),
              p.ruleSetId(),
              p.matchedFacts(),
              a.getExplanation(),
              now,
              null,
              null,
              null,
              null,
              null));
    }

    boolean threat =
        outcome.verdict() == Verdict.MALICIOUS || outcome.verdict() == Verdict.SUSPICIOUS;
    boolean remediation =
        recommended.stream().anyMatch(a -> a.type() != ActionType.NOTIFY_REPORTER);
    InvestigationStatus status =
        remediation
            ? InvestigationStatus.PENDING_ACTION
            : threat ? InvestigationStatus.REMEDIATED : InvestigationStatus.NO_THREATS_FOUND;
    String resultJson = toJson(result(outcome, message.orElse(null)));
    db.inTransaction(
        c -> {
          actions.insert(c, recommended);
          investigations.complete(
              c,
              investigationId,
              status,
              outcome.verdict(),
              outcome.threatKind().code(),
              outcome.ruleSetId(),
              resultJson,
              clock.instant());
          return null;
        });
    audit.record(
        "system",
        "investigation.completed",
        "investigation",
        investigationId,
        Map.of("status", InvestigationStatus.RUNNING.code()),
        Map.of(
            "status",
            status.code(),
            "verdict",
            outcome.verdict().code(),
            "ruleSetId",
            outcome.ruleSetId(),
            "actions",
            recommended.stream().map(a -> a.id() + " " + a.type().code()).toList()));
    // Actions the automation policy allows run without waiting for a person.
    for (ActionRecord a : actions.byInvestigation(investigationId)) {
      if (a.status() != ActionStatus.PENDING) {
        continue;
      }
      AutomationPolicy.Decision decision = policy.decide(a, a.approvalsRequired());
      if (decision.automatic()) {
        actionCenter.runAutomatically(a.id(), decision.reason());
      }
    }
  }

  private InvestigationResult result(InvestigationOutcome outcome, Message root) {
    Map<String, InvestigationResult.EntityView> entities = new LinkedHashMap<>();
    if (root != null) {
      entity(entities, "message", root.getId());
      entity(entities, "sender", root.getSenderAddress());
    }
    List<Derived<EntityVerdict>> verdicts = new ArrayList<>(outcome.entityVerdicts());
    verdicts.sort(
        Comparator.comparing(
            (Derived<EntityVerdict> d) -> d.fact().getVerdict(),
            (a, b) -> a.worseThan(b) ? -1 : b.worseThan(a) ? 1 : 0));
    for (Derived<EntityVerdict> d : verdicts) {
      EntityVerdict v = d.fact();
      String key = v.getEntityType().code() + "|" + v.getEntityId();
      InvestigationResult.EntityView existing = entities.get(key);
      if (existing == null || existing.ruleId() == null) {
        entities.put(
            key,
            new InvestigationResult.EntityView(
                v.getEntityType().code(),
                v.getEntityId(),
                v.getVerdict().code(),
                v.getThreatKind().code(),
                v.getExplanation(),
                d.provenance().ruleId()));
      }
    }
    for (var f : outcome.findings()) {
      entity(entities, f.fact().getEntityType().code(), f.fact().getEntityId());
    }
    return new InvestigationResult(
        outcome.decisiveVerdict() == null
            ? "No rule reached a verdict."
            : outcome.decisiveVerdict().fact().getExplanation(),
        outcome.decisiveVerdict() == null
            ? null
            : InvestigationResult.ProvenanceView.of(outcome.decisiveVerdict().provenance()),
        List.copyOf(entities.values()),
        outcome.findings().stream()
            .map(
                f ->
                    new InvestigationResult.FindingView(
                        f.fact().getEntityType().code(),
                        f.fact().getEntityId(),
                        f.fact().getCategory(),
                        f.fact().getScore(),
                        f.fact().getExplanation(),
                        InvestigationResult.ProvenanceView.of(f.provenance())))
            .toList(),
        outcome.verdicts().stream()
            .map(
                v ->
                    new InvestigationResult.VerdictView(
                        v.fact().getVerdict().code(),
                        v.fact().getThreatKind().code(),
                        v.fact().getExplanation(),
                        InvestigationResult.ProvenanceView.of(v.provenance())))
            .toList(),
        outcome.lookups().stream()
            .map(
                l ->
                    new InvestigationResult.LookupView(
                        l.getKind().name().toLowerCase(java.util.Locale.ROOT),
                        l.getKey(),
                        l.getWindow().toString(),
                        l.getFound()))
            .toList(),
        outcome.rounds(),
        outcome.warnings());
  }

  private static void entity(
      Map<String, InvestigationResult.EntityView> entities, String type, String id) {
    if (id != null) {
      entities.putIfAbsent(
          type + "|" + id,
          new InvestigationResult.EntityView(type, id, Verdict.UNKNOWN.code(), "none", null, null));
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
