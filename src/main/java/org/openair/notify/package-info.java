/**
 * Telling people: approvers hear, batched, that actions wait (JSON, Slack and Teams webhooks, email
 * over SMTP), and reporters of user-reported messages get the outcome by email.
 */
package org.openair.notify;
