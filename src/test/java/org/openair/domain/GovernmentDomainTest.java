package org.openair.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GovernmentDomainTest {

  @Test
  void shouldRecogniseGovernmentPublicSuffixes() {
    assertTrue(Domains.isGovernmentDomain("receita.fazenda.gov.br"));
    assertTrue(Domains.isGovernmentDomain("sat.gob.mx"));
    assertTrue(Domains.isGovernmentDomain("agenciatributaria.gob.es"));
    assertTrue(Domains.isGovernmentDomain("irs.gov"));
    assertTrue(Domains.isGovernmentDomain("hmrc.gov.uk"));
  }

  @Test
  void shouldNotTakeGovernmentWordsInTheNameForAGovernmentDomain() {
    assertFalse(Domains.isGovernmentDomain("gov-br-consulta.com"));
    assertFalse(Domains.isGovernmentDomain("shcp-mx.voicemailbox.online"));
    assertFalse(Domains.isGovernmentDomain("gov.example"));
    assertFalse(Domains.isGovernmentDomain(null));
  }
}
