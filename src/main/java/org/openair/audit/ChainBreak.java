package org.openair.audit;

/** The first audit entry where the hash chain does not hold, and why. */
public record ChainBreak(long seq, String reason) {}
