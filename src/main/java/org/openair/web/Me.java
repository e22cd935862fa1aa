package org.openair.web;

import java.util.Set;
import org.openair.security.Roles;

/**
 * The signed-in user as every page sees it: who, what they may use, and the CSRF token their forms
 * carry.
 */
public record Me(String username, Set<String> roles, String csrf) {

  /** Approvers and admins decide actions. */
  public boolean canDecide() {
    return roles.contains(Roles.APPROVER) || roles.contains(Roles.ADMIN);
  }

  /** Auditors and admins read rule files and the audit log. */
  public boolean canAudit() {
    return roles.contains(Roles.AUDITOR) || roles.contains(Roles.ADMIN);
  }

  public boolean isAdmin() {
    return roles.contains(Roles.ADMIN);
  }

  /** The roles for the page header, comma separated. */
  public String roleList() {
    return String.join(", ", new java.util.TreeSet<>(roles));
  }
}
