package org.openair.domain;

/** Which way a message travelled relative to the organisation's accepted domains. */
public enum Direction {
  INBOUND,
  OUTBOUND,
  INTRA_ORG,
  UNKNOWN
}
