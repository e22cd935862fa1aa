package org.openair.engine;

/** One rule of a compiled rule set with the metadata auditors and the API show. */
public record RuleInfo(
    String id, String name, String playbook, String severity, String file, String packageName) {}
