package org.openair.domain;

/**
 * The investigation's stage, inserted by the engine as a fact. Analyzers and lookups run in {@link
 * #ANALYSIS}; once no rule asks for more data, the engine moves to {@link #VERDICT}, where findings
 * are weighed, then to {@link #RESPONSE}, where actions are recommended. Rules name the stage they
 * belong to ({@code Stage(this == Stage.VERDICT)}) instead of relying on salience.
 */
public enum Stage {
  ANALYSIS,
  VERDICT,
  RESPONSE
}
