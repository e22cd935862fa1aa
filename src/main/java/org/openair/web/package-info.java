/**
 * The web console: server-rendered pages (Qute) under {@code /ui} for analysts, approvers, auditors
 * and admins, signed in with a form and a session cookie. Pages read the same stores and services
 * as the API; the console's calls that change things go through {@link org.openair.web.Decisions}
 * (actions) and the page resources, each guarded by role and by {@link org.openair.web.CsrfGuard}.
 */
package org.openair.web;
