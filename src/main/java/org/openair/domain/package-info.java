/**
 * The fact model: the vocabulary of the rules in {@code rules/}. Plain Java with no Quarkus, JPA or
 * Drools imports. Java fills the input facts (alert, messages, deliveries, links, attachments,
 * mailboxes, clicks, inbox rules); rules derive findings, verdicts, recommended actions and lookup
 * requests. {@code rules/README.md} documents every fact for rule authors.
 */
package org.openair.domain;
