package org.openair.engine;

import java.util.List;
import org.openair.domain.Alert;
import org.openair.domain.Investigation;
import org.openair.domain.Organisation;

/**
 * What an investigation starts from: the alert, the organisation's settings and the facts gathered
 * at intake (messages, deliveries, links, attachments, mailboxes, clicks...).
 */
public record InvestigationInput(
    Investigation investigation, Alert alert, Organisation organisation, List<Object> facts) {

  public InvestigationInput {
    facts = facts == null ? List.of() : List.copyOf(facts);
  }
}
