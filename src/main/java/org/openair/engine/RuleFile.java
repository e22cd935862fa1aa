package org.openair.engine;

/** One rule file as it was read: its name in {@code rules/}, the SHA-256 of its bytes, its text. */
public record RuleFile(String name, String sha256, String content) {}
