package org.openair.engine;

import java.util.List;
import org.openair.domain.EntityVerdict;
import org.openair.domain.Finding;
import org.openair.domain.InvestigationVerdict;
import org.openair.domain.LookupRequest;
import org.openair.domain.RecommendedAction;
import org.openair.domain.ThreatKind;
import org.openair.domain.Verdict;

/**
 * What one investigation concluded. {@code verdict} is the worst of {@code verdicts} ({@link
 * Verdict#UNKNOWN} when no rule gave one, and then {@code decisiveVerdict} is null); actions are
 * de-duplicated by {@link RecommendedAction#key()}; {@code lookups} are the distinct lookups rules
 * asked for, answered or not; {@code rounds} counts the lookup rounds used; {@code firedRules} are
 * the ids of every rule that fired, lookups and exclusions included, in first-firing order.
 */
public record InvestigationOutcome(
    String ruleSetId,
    Verdict verdict,
    ThreatKind threatKind,
    Derived<InvestigationVerdict> decisiveVerdict,
    List<Derived<InvestigationVerdict>> verdicts,
    List<Derived<Finding>> findings,
    List<Derived<EntityVerdict>> entityVerdicts,
    List<Derived<RecommendedAction>> actions,
    List<LookupRequest> lookups,
    int rounds,
    List<String> warnings,
    List<String> firedRules) {}
