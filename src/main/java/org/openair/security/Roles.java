package org.openair.security;

import java.util.Set;

/** The roles users and tokens carry; the API's {@code @RolesAllowed} names these. */
public final class Roles {
  public static final String VIEWER = "viewer";
  public static final String ANALYST = "analyst";
  public static final String APPROVER = "approver";
  public static final String ADMIN = "admin";
  public static final String AUDITOR = "auditor";

  public static final Set<String> ALL = Set.of(VIEWER, ANALYST, APPROVER, ADMIN, AUDITOR);

  private Roles() {}
}
