package org.openair.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out an investigation's entities as a graph the page draws in inline SVG: the message (or the
 * alert) at the top of the middle column with what it carries (links, files, its cluster) hanging
 * below it, where it came from on the left and who received it on the right. Each box links to the
 * entity's findings. Computed here so the page needs no script.
 */
public final class EntityGraph {
  static final int NODE_WIDTH = 240;
  static final int NODE_HEIGHT = 40;
  static final int INDENT = 28;
  static final int ROW = 52;
  static final int TOP = 34;
  static final int MAX_PER_COLUMN = 9;
  private static final int[] COLUMN_X = {10, 340, 670};
  static final int WIDTH = COLUMN_X[2] + NODE_WIDTH + 10;
  private static final String[] COLUMN_TITLES = {"Origin", "Message and content", "People"};

  /**
   * An entity to draw: its kind (entity type code), its id, its verdict and the anchor it opens.
   */
  public record Entity(String kind, String id, String verdict, String anchor) {}

  /** A drawn box: its place and size, its two lines of text and the full id for the tooltip. */
  public record Node(
      int x,
      int y,
      int width,
      String kind,
      String label,
      String title,
      String verdict,
      String href) {

    public int textX() {
      return x + 10;
    }

    public int kindY() {
      return y + 15;
    }

    public int labelY() {
      return y + 31;
    }
  }

  /** A line from one box to another, as an SVG path. */
  public record Edge(String path) {}

  /** A column heading. */
  public record Heading(int x, String text) {}

  private final List<Node> nodes;
  private final List<Edge> edges;
  private final List<Heading> headings;
  private final int height;

  private EntityGraph(List<Node> nodes, List<Edge> edges, List<Heading> headings, int height) {
    this.nodes = nodes;
    this.edges = edges;
    this.headings = headings;
    this.height = height;
  }

  /**
   * Lays out {@code entities} around {@code root} (the message, or the alert when there is none). A
   * column shows at most {@value #MAX_PER_COLUMN} boxes; a last box counts the rest.
   */
  public static EntityGraph layout(Entity root, List<Entity> entities) {
    List<Entity> origin = new ArrayList<>();
    List<Entity> content = new ArrayList<>();
    List<Entity> people = new ArrayList<>();
    for (Entity e : entities) {
      if (e.kind().equals(root.kind()) && e.id().equals(root.id())) {
        continue;
      }
      switch (column(e.kind())) {
        case 0 -> origin.add(e);
        case 1 -> content.add(e);
        default -> people.add(e);
      }
    }
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    Node rootNode = node(root, COLUMN_X[1], TOP, NODE_WIDTH);
    nodes.add(rootNode);
    int contentRows = place(content, COLUMN_X[1] + INDENT, TOP + ROW, NODE_WIDTH - INDENT, nodes);
    for (Node n : nodes.subList(1, nodes.size())) {
      edges.add(new Edge(elbow(rootNode, n)));
    }
    int before = nodes.size();
    int originRows = place(origin, COLUMN_X[0], TOP, NODE_WIDTH, nodes);
    int peopleRows = place(people, COLUMN_X[2], TOP, NODE_WIDTH, nodes);
    for (Node n : nodes.subList(before, nodes.size())) {
      edges.add(new Edge(curve(rootNode, n)));
    }
    int rows = Math.max(1 + contentRows, Math.max(originRows, peopleRows));
    List<Heading> headings = new ArrayList<>();
    headings.add(new Heading(COLUMN_X[1] + 10, COLUMN_TITLES[1]));
    if (!origin.isEmpty()) {
      headings.add(new Heading(COLUMN_X[0] + 10, COLUMN_TITLES[0]));
    }
    if (!people.isEmpty()) {
      headings.add(new Heading(COLUMN_X[2] + 10, COLUMN_TITLES[2]));
    }
    return new EntityGraph(nodes, edges, headings, TOP + rows * ROW);
  }

  /** Stacks {@code members} from {@code y}; returns how many rows they took. */
  private static int place(List<Entity> members, int x, int y, int width, List<Node> out) {
    int shown = members.size() > MAX_PER_COLUMN + 1 ? MAX_PER_COLUMN : members.size();
    for (int i = 0; i < shown; i++) {
      out.add(node(members.get(i), x, y + i * ROW, width));
    }
    if (members.size() > shown) {
      int rest = members.size() - shown;
      out.add(
          new Node(
              x,
              y + shown * ROW,
              width,
              "more",
              "+" + rest + " more",
              rest + " more entities in the list below",
              "unknown",
              "#entities"));
      return shown + 1;
    }
    return shown;
  }

  private static Node node(Entity e, int x, int y, int width) {
    return new Node(
        x,
        y,
        width,
        kindLabel(e.kind()),
        shorten(e.id(), width / 8),
        e.id(),
        verdictClass(e.verdict()),
        "#" + e.anchor());
  }

  public List<Node> nodes() {
    return nodes;
  }

  public List<Edge> edges() {
    return edges;
  }

  public List<Heading> headings() {
    return headings;
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return height;
  }

  /** Which column an entity kind goes in: origin 0, under the message 1, people 2. */
  static int column(String kind) {
    return switch (kind) {
      case "sender", "domain", "ip" -> 0;
      case "message", "cluster", "url", "file", "alert" -> 1;
      default -> 2;
    };
  }

  private static String kindLabel(String kind) {
    return switch (kind) {
      case "url" -> "URL";
      case "ip" -> "IP address";
      case "inbox-rule" -> "inbox rule";
      default -> kind;
    };
  }

  static String verdictClass(String verdict) {
    String v = verdict == null ? "unknown" : verdict.toLowerCase(Locale.ROOT);
    return switch (v) {
      case "malicious", "suspicious", "clean" -> v;
      default -> "unknown";
    };
  }

  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Down from the root's left edge, then across into a box stacked below it. */
  private static String elbow(Node root, Node to) {
    int x = root.x() + INDENT / 2;
    int y = to.y() + NODE_HEIGHT / 2;
    return "M" + x + "," + (root.y() + NODE_HEIGHT) + " V" + y + " H" + to.x();
  }

  /** A curve from the root's side to a box in the column on that side. */
  private static String curve(Node root, Node to) {
    boolean right = to.x() > root.x();
    int x1 = right ? root.x() + root.width() : root.x();
    int y1 = root.y() + NODE_HEIGHT / 2;
    int x2 = right ? to.x() : to.x() + to.width();
    int y2 = to.y() + NODE_HEIGHT / 2;
    int mid = (x1 + x2) / 2;
    return "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2;
  }
}
