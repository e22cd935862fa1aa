package org.openair.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small DRL files written to a temporary rules folder. */
final class RuleFiles {
  private RuleFiles() {}

  static String rule(String id, String name) {
    return rule(
        id,
        name,
        "  Alert()\n",
        "  insert(new Finding(EntityType.MESSAGE, \"x\", \"c\", 1, \"x\"));\n");
  }

  static String rule(String id, String name, String when, String then) {
    return "rule \""
        + name
        + "\"\n  @id(\""
        + id
        + "\") @playbook(\"all\") @severity(\"low\")\nwhen\n"
        + when
        + "then\n"
        + then
        + "end\n";
  }

  static String file(String... rules) {
    return "package org.openair.test;\n\nimport org.openair.domain.*;\n\n"
        + String.join("\n", rules);
  }

  static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
