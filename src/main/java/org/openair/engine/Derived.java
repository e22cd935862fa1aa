package org.openair.engine;

/** A fact a rule inserted, with the provenance that explains it. */
public record Derived<T>(T fact, Provenance provenance) {}
