package org.openair.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages write times: in UTC, to the minute or, for the audit log, the millisecond. */
@TemplateExtension
public final class Formats {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

  private Formats() {}

  /** {@code 2026-11-27 06:11 UTC}. */
  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  /** To the millisecond, for the audit log. */
  static String exact(Instant instant) {
    return instant == null ? "" : EXACT.format(instant);
  }
}
