package org.openair.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;
import org.openair.domain.EntityVerdict;
import org.openair.domain.Finding;
import org.openair.domain.InvestigationVerdict;
import org.openair.domain.LookupRequest;
import org.openair.domain.RecommendedAction;

/**
 * Records, for one investigation, which rule inserted each derived fact and what it matched.
 *
 * <p>Design notes: the agenda listener remembers the match being fired; the runtime listener sees
 * each insertion, and when a rule made it, pairs the fact with that rule's precomputed provenance
 * (built once per rule set) and the matched facts' {@code toString()}, computed only for derived
 * facts. Deleted facts are remembered by identity so the outcome leaves them out. Lookup requests
 * are queued whoever inserted them, for the investigator to answer between rounds. One instance
 * serves one investigation on one thread; pooled sessions keep listeners, so the investigator
 * removes it when done.
 */
final class ProvenanceListener extends DefaultAgendaEventListener
    implements RuleRuntimeEventListener {

  /** A derived fact in insertion order; {@code provenance} is null for facts Java inserted. */
  record Record(Object fact, Provenance provenance) {}

  private final RuleSet ruleSet;
  private final List<Record> records = new ArrayList<>();
  private final Map<Object, Boolean> deleted = new IdentityHashMap<>();
  private final List<LookupRequest> newRequests = new ArrayList<>();
  private final Map<LookupRequest, Provenance> requestProvenance = new IdentityHashMap<>();
  private final Set<String> fired = new LinkedHashSet<>();
  private Match current;

  ProvenanceListener(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    current = event.getMatch();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    current = null;
    Provenance p = ruleSet.provenanceOf(event.getMatch().getRule());
    if (p != null && p.ruleId() != null) {
      fired.add(p.ruleId());
    }
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    Object fact = event.getObject();
    boolean request = fact instanceof LookupRequest;
    if (!(request
        || fact instanceof Finding
        || fact instanceof EntityVerdict
        || fact instanceof InvestigationVerdict
        || fact instanceof RecommendedAction)) {
      return;
    }
    deleted.remove(fact);
    Provenance provenance = provenance(event.getRule());
    if (request) {
      newRequests.add((LookupRequest) fact);
      if (provenance != null) {
        requestProvenance.put((LookupRequest) fact, provenance);
      }
    } else if (provenance != null) {
      records.add(new Record(fact, provenance));
    }
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    // Updates keep the fact's identity, so its provenance stays valid.
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    Object old = event.getOldObject();
    if (old != null) {
      deleted.put(old, Boolean.TRUE);
    }
  }

  private Provenance provenance(Rule rule) {
    if (rule == null) {
      return null;
    }
    Provenance template = ruleSet.provenanceOf(rule);
    if (template == null) {
      return null;
    }
    List<String> matched = new ArrayList<>();
    if (current != null && current.getRule() == rule) {
      for (Object o : current.getObjects()) {
        matched.add(o instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(o));
      }
    }
    return template.withMatchedFacts(matched);
  }

  /** Lookup requests inserted since the last call. */
  List<LookupRequest> drainRequests() {
    if (newRequests.isEmpty()) {
      return List.of();
    }
    List<LookupRequest> drained = new ArrayList<>(newRequests);
    newRequests.clear();
    return drained;
  }

  Provenance provenanceOf(LookupRequest request) {
    return requestProvenance.get(request);
  }

  /** The ids of the rules that fired, in the order each first fired. */
  List<String> firedRules() {
    return List.copyOf(fired);
  }

  /** Derived facts still in the session, in insertion order. */
  List<Record> live() {
    if (deleted.isEmpty()) {
      return records;
    }
    return records.stream().filter(r -> !deleted.containsKey(r.fact())).toList();
  }
}
