package org.openair.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.openair.domain.Attachment;
import org.openair.domain.Click;
import org.openair.domain.ClusterMember;
import org.openair.domain.Delegation;
import org.openair.domain.Delivery;
import org.openair.domain.EntityVerdict;
import org.openair.domain.Finding;
import org.openair.domain.InboxRule;
import org.openair.domain.IndicatorMatch;
import org.openair.domain.InvestigationVerdict;
import org.openair.domain.Link;
import org.openair.domain.LookupRequest;
import org.openair.domain.Message;
import org.openair.domain.RecommendedAction;
import org.openair.domain.Report;
import org.openair.domain.Stage;
import org.openair.domain.ThreatKind;
import org.openair.domain.Verdict;

/**
 * Runs one investigation in one session of a rule set: inserts the input, fires the rules stage by
 * stage, answers the lookups rules ask for between rounds, and collects what rules derived with its
 * provenance. Thread-safe: it holds no per-investigation state.
 *
 * <p>Design notes. Stages: the {@link Stage} constant is itself the fact, replaced as the
 * investigation moves from ANALYSIS to VERDICT to RESPONSE, so rules say which stage they belong
 * to. Lookups: after each firing, new unanswered requests are answered through the {@link
 * FactSource} (identical signatures once), the facts found are inserted unless already present, the
 * request is marked answered and updated, and the rules fire again; all stages share one budget of
 * {@code maxLookupRounds}. Playbooks: a rule fires only when its {@code @playbook} is {@code all}
 * or the investigation's playbook, so a playbook's rules cannot act on another playbook's alerts
 * even if their conditions would match.
 */
public final class Investigator {
  /** Guards against rules that re-activate each other forever. */
  static final int MAX_FIRINGS_PER_ROUND = 100_000;

  private final int maxLookupRounds;

  public Investigator(int maxLookupRounds) {
    if (maxLookupRounds < 0) {
      throw new IllegalArgumentException("maxLookupRounds must be >= 0");
    }
    this.maxLookupRounds = maxLookupRounds;
  }

  public InvestigationOutcome investigate(
      RuleSet rules, InvestigationInput input, FactSource source) {
    Run run = new Run(rules, input, source);
    KieSession session = rules.newSession();
    ProvenanceListener listener = new ProvenanceListener(rules);
    session.addEventListener((AgendaEventListener) listener);
    session.addEventListener((RuleRuntimeEventListener) listener);
    try {
      return run.execute(session, listener);
    } finally {
      session.removeEventListener((AgendaEventListener) listener);
      session.removeEventListener((RuleRuntimeEventListener) listener);
      session.dispose();
    }
  }

  /** The state of one investigation. */
  private final class Run {
    private final RuleSet rules;
    private final InvestigationInput input;
    private final FactSource source;
    private final Set<String> present = new HashSet<>();
    private final Map<String, LookupRequest> lookups = new LinkedHashMap<>();
    private final Map<String, Integer> answers = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final AgendaFilter playbookFilter;
    private int rounds;

    Run(RuleSet rules, InvestigationInput input, FactSource source) {
      this.rules = rules;
      this.input = input;
      this.source = source;
      String playbook =
          input.investigation().getPlaybook() != null
              ? input.investigation().getPlaybook()
              : input.alert() == null ? null : input.alert().getPlaybook();
      this.playbookFilter =
          match -> {
            Provenance p = rules.provenanceOf(match.getRule());
            return p == null || "all".equals(p.playbook()) || p.playbook().equals(playbook);
          };
    }

    InvestigationOutcome execute(KieSession session, ProvenanceListener listener) {
      session.insert(input.investigation());
      if (input.organisation() != null) {
        session.insert(input.organisation());
      }
      if (input.alert() != null) {
        session.insert(input.alert());
      }
      for (Object fact : input.facts()) {
        insertOnce(session, fact);
      }
      if (input.alert() != null && input.alert().getMessageId() != null) {
        insertOnce(session, new ClusterMember(input.alert().getMessageId(), null, null));
      }
      FactHandle stage = null;
      for (Stage s : Stage.values()) {
        if (stage != null) {
          session.delete(stage);
        }
        stage = session.insert(s);
        fire(session, s);
        answerLookups(session, listener, s);
      }
      return outcome(listener);
    }

    private void fire(KieSession session, Stage stage) {
      int fired = session.fireAllRules(playbookFilter, MAX_FIRINGS_PER_ROUND);
      if (fired >= MAX_FIRINGS_PER_ROUND) {
        warnings.add(
            "stage "
                + stage
                + ": stopped after "
                + MAX_FIRINGS_PER_ROUND
                + " rule firings; rules may be re-activating each other");
      }
    }

    private void answerLookups(KieSession session, ProvenanceListener listener, Stage stage) {
      while (true) {
        List<LookupRequest> pending = new ArrayList<>();
        for (LookupRequest r : listener.drainRequests()) {
          if (!r.isAnswered() && session.getFactHandle(r) != null) {
            pending.add(r);
          }
        }
        if (pending.isEmpty()) {
          return;
        }
        if (rounds >= maxLookupRounds) {
          warnings.add(
              "stage "
                  + stage
                  + ": lookup budget of "
                  + maxLookupRounds
                  + " rounds used up; "
                  + pending.size()
                  + " request(s) left unanswered, e.g. "
                  + pending.get(0));
          for (LookupRequest r : pending) {
            lookups.putIfAbsent(r.signature(), r);
          }
          return;
        }
        rounds++;
        Map<String, LookupRequest> toAsk = new LinkedHashMap<>();
        for (LookupRequest r : pending) {
          if (!answers.containsKey(r.signature())) {
            toAsk.putIfAbsent(r.signature(), r);
          }
        }
        ask(session, List.copyOf(toAsk.values()));
        for (LookupRequest r : pending) {
          String sig = r.signature();
          int found = answers.getOrDefault(sig, 0);
          lookups.putIfAbsent(sig, r);
          r.markAnswered(found);
          FactHandle handle = session.getFactHandle(r);
          if (handle != null) {
            session.update(handle, r);
          }
        }
        fire(session, stage);
      }
    }

    private void ask(KieSession session, List<LookupRequest> requests) {
      if (requests.isEmpty()) {
        return;
      }
      Map<LookupRequest, FactSource.Answer> answered;
      try {
        answered = source.answerAll(requests, input.investigation());
      } catch (RuntimeException e) {
        answered = Map.of();
        for (LookupRequest r : requests) {
          warnings.add("lookup " + r + " failed: " + e);
        }
      }
      for (LookupRequest r : requests) {
        FactSource.Answer answer = answered.get(r);
        int found = 0;
        if (answer != null && answer.failure() != null) {
          warnings.add("lookup " + r + " failed: " + answer.failure());
        } else if (answer != null) {
          for (Object f : answer.facts()) {
            insertOnce(session, f);
            if (!(f instanceof ClusterMember) && !(f instanceof IndicatorMatch)) {
              found++;
            }
          }
        }
        answers.put(r.signature(), found);
      }
    }

    /** Inserts a fact unless an equal one (by its natural key) is already in the session. */
    private boolean insertOnce(KieSession session, Object fact) {
      String key = key(fact);
      if (key != null && !present.add(key)) {
        return false;
      }
      session.insert(fact);
      return true;
    }

    private InvestigationOutcome outcome(ProvenanceListener listener) {
      List<Derived<InvestigationVerdict>> verdicts = new ArrayList<>();
      List<Derived<Finding>> findings = new ArrayList<>();
      List<Derived<EntityVerdict>> entityVerdicts = new ArrayList<>();
      List<Derived<RecommendedAction>> actions = new ArrayList<>();
      Set<String> actionKeys = new HashSet<>();
      for (ProvenanceListener.Record r : listener.live()) {
        Object f = r.fact();
        if (f instanceof Finding finding) {
          findings.add(new Derived<>(finding, r.provenance()));
        } else if (f instanceof EntityVerdict ev) {
          entityVerdicts.add(new Derived<>(ev, r.provenance()));
        } else if (f instanceof InvestigationVerdict iv) {
          verdicts.add(new Derived<>(iv, r.provenance()));
        } else if (f instanceof RecommendedAction a && actionKeys.add(a.key())) {
          actions.add(new Derived<>(a, r.provenance()));
        }
      }
      Derived<InvestigationVerdict> decisive = null;
      for (Derived<InvestigationVerdict> v : verdicts) {
        if (decisive == null || v.fact().getVerdict().worseThan(decisive.fact().getVerdict())) {
          decisive = v;
        }
      }
      Verdict verdict = decisive == null ? Verdict.UNKNOWN : decisive.fact().getVerdict();
      ThreatKind kind = decisive == null ? ThreatKind.NONE : decisive.fact().getThreatKind();
      return new InvestigationOutcome(
          rules.id(),
          verdict,
          kind,
          decisive,
          List.copyOf(verdicts),
          List.copyOf(findings),
          List.copyOf(entityVerdicts),
          List.copyOf(actions),
          List.copyOf(lookups.values()),
          rounds,
          List.copyOf(warnings),
          listener.firedRules());
    }
  }

  /** The natural key that makes two facts the same, or null for facts never de-duplicated. */
  static String key(Object fact) {
    if (fact instanceof Message m) {
      return "Message|" + m.getId();
    } else if (fact instanceof Delivery d) {
      return "Delivery|" + d.getId();
    } else if (fact instanceof ClusterMember c) {
      return "ClusterMember|" + c.getMessageId();
    } else if (fact instanceof Link l) {
      // The same URL behind a logo and behind deceptive text are two links to the reader, as
      // intake keeps them.
      return "Link|" + l.getMessageId() + "|" + l.getUrl() + "|" + l.getDisplayedText();
    } else if (fact instanceof Attachment a) {
      return "Attachment|" + a.getMessageId() + "|" + a.getSha256() + "|" + a.getFileName();
    } else if (fact instanceof Click c) {
      return "Click|" + c.getUser() + "|" + c.getUrl() + "|" + c.getClickedAt();
    } else if (fact instanceof InboxRule r) {
      return "InboxRule|" + r.getId();
    } else if (fact instanceof Delegation d) {
      return "Delegation|" + d.getId();
    } else if (fact instanceof Report r) {
      return "Report|" + r.getAlertId();
    }
    return null;
  }
}
