package org.openair.store;

import java.util.UUID;

/** Readable, prefixed, random identifiers: {@code msg-…}, {@code inv-…}, {@code act-…}. */
public final class Ids {
  private Ids() {}

  public static String next(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
