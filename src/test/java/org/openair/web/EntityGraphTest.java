package org.openair.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityGraphTest {
  private static final EntityGraph.Entity MESSAGE =
      new EntityGraph.Entity("message", "msg-1", "malicious", "entity-0");

  @Test
  void senderGoesLeftContentUnderTheMessageAndMailboxesRight() {
    EntityGraph g =
        EntityGraph.layout(
            MESSAGE,
            List.of(
                new EntityGraph.Entity("sender", "evil@x.example", "suspicious", "entity-1"),
                new EntityGraph.Entity(
                    "url", "http://198.51.100.23/login", "malicious", "entity-2"),
                new EntityGraph.Entity("mailbox", "bob@corp.example", "unknown", "entity-3")));

    EntityGraph.Node root = g.nodes().get(0);
    EntityGraph.Node sender = byTitle(g, "evil@x.example");
    EntityGraph.Node url = byTitle(g, "http://198.51.100.23/login");
    EntityGraph.Node mailbox = byTitle(g, "bob@corp.example");
    assertThat(root.href()).isEqualTo("#entity-0");
    assertThat(sender.x()).isLessThan(root.x());
    assertThat(url.x()).isGreaterThan(root.x()).isLessThan(mailbox.x());
    assertThat(url.y()).isGreaterThan(root.y());
    assertThat(mailbox.x()).isGreaterThan(root.x() + root.width());
    assertThat(url.verdict()).isEqualTo("malicious");
    assertThat(g.edges()).hasSize(3);
  }

  @Test
  void longColumnsEndInACountOfTheRestAndLongIdsAreShortened() {
    List<EntityGraph.Entity> urls = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      urls.add(
          new EntityGraph.Entity(
              "url", "https://example.org/" + "x".repeat(60) + i, "clean", "e" + i));
    }
    EntityGraph g = EntityGraph.layout(MESSAGE, urls);

    assertThat(g.nodes()).hasSize(1 + EntityGraph.MAX_PER_COLUMN + 1);
    EntityGraph.Node last = g.nodes().get(g.nodes().size() - 1);
    assertThat(last.label()).isEqualTo("+6 more");
    assertThat(last.href()).isEqualTo("#entities");
    assertThat(g.nodes().get(1).label()).endsWith("…").hasSizeLessThan(40);
    assertThat(g.height()).isGreaterThan(last.y());
  }

  @Test
  void unknownVerdictsDrawAsUnknown() {
    EntityGraph g =
        EntityGraph.layout(
            MESSAGE,
            List.of(new EntityGraph.Entity("inbox-rule", "fwd", "weird-new-verdict", "a")));
    assertThat(byTitle(g, "fwd").verdict()).isEqualTo("unknown");
    assertThat(byTitle(g, "fwd").kind()).isEqualTo("inbox rule");
  }

  private static EntityGraph.Node byTitle(EntityGraph g, String title) {
    return g.nodes().stream().filter(n -> n.title().equals(title)).findFirst().orElseThrow();
  }
}
