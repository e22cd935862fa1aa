package org.openair.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out an investigation's entities as a graph the page draws in inline SVG: the message (or the
 * alert) in the middle, what it came from on the left, what it carries and who received it on the
 * right, each linked to its findings. Computed here so the page needs no script.
 */
public final class EntityGraph {
  static final int NODE_WIDTH = 210;
  static final int NODE_HEIGHT = 40;
  static final int ROW = 52;
  static final int TOP = 40;
  static final int MAX_PER_COLUMN = 9;
  static final int WIDTH = 4 * 240 + 20;
  private static final int[] COLUMN_X = {20, 260, 500, 740};
  private static final String[] COLUMN_TITLES = {"Origin", "Message", "Content", "People"};

  /**
   * An entity to draw: its kind (entity type code), its id, its verdict and the anchor it opens.
   */
  public record Entity(String kind, String id, String verdict, String anchor) {}

  /** A drawn box: its place, its two lines of text and the full id for the tooltip. */
  public record Node(
      int x, int y, String kind, String label, String title, String verdict, String href) {

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

  /** A curve from one box to another, as an SVG path. */
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
   * Lays out {@code entities} around {@code root} (the message, or the alert when there is none).
   * Columns hold at most {@value #MAX_PER_COLUMN} boxes; the rest are counted in a last box.
   */
  public static EntityGraph layout(Entity root, List<Entity> entities) {
    Map<Integer, List<Entity>> columns = new LinkedHashMap<>();
    for (int c = 0; c < 4; c++) {
      columns.put(c, new ArrayList<>());
    }
    columns.get(1).add(root);
    for (Entity e : entities) {
      if (e.kind().equals(root.kind()) && e.id().equals(root.id())) {
        continue;
      }
      columns.get(column(e.kind())).add(e);
    }
    int rows = 1;
    for (List<Entity> column : columns.values()) {
      rows = Math.max(rows, Math.min(column.size(), MAX_PER_COLUMN + 1));
    }
    int height = TOP + rows * ROW + 10;
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    Node rootNode = null;
    for (Map.Entry<Integer, List<Entity>> column : columns.entrySet()) {
      int c = column.getKey();
      List<Entity> members = column.getValue();
      int shown = members.size() > MAX_PER_COLUMN + 1 ? MAX_PER_COLUMN : members.size();
      int total = shown + (members.size() > shown ? 1 : 0);
      int y0 = TOP + (rows - total) * ROW / 2;
      for (int i = 0; i < shown; i++) {
        Entity e = members.get(i);
        Node n =
            new Node(
                COLUMN_X[c],
                y0 + i * ROW,
                kindLabel(e.kind()),
                shorten(e.id(), 30),
                e.id(),
                verdictClass(e.verdict()),
                "#" + e.anchor());
        nodes.add(n);
        if (c == 1 && i == 0) {
          rootNode = n;
        }
      }
      if (members.size() > shown) {
        nodes.add(
            new Node(
                COLUMN_X[c],
                y0 + shown * ROW,
                "more",
                "+" + (members.size() - shown) + " more",
                (members.size() - shown) + " more entities in the list below",
                "unknown",
                "#entities"));
      }
    }
    for (Node n : nodes) {
      if (n != rootNode && rootNode != null) {
        edges.add(new Edge(curve(rootNode, n)));
      }
    }
    List<Heading> headings = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      if (!columns.get(c).isEmpty()) {
        headings.add(new Heading(COLUMN_X[c] + 10, COLUMN_TITLES[c]));
      }
    }
    return new EntityGraph(nodes, edges, headings, height);
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

  /** Which column an entity kind goes in: origin 0, message 1, content 2, people 3. */
  static int column(String kind) {
    return switch (kind) {
      case "sender", "domain", "ip" -> 0;
      case "message", "cluster", "alert" -> 1;
      case "url", "file" -> 2;
      default -> 3;
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

  private static String curve(Node from, Node to) {
    boolean right = to.x() > from.x();
    boolean sameColumn = to.x() == from.x();
    int x1 = right || sameColumn ? from.x() + NODE_WIDTH : from.x();
    int y1 = from.y() + NODE_HEIGHT / 2;
    int x2 = right ? to.x() : to.x() + NODE_WIDTH;
    int y2 = to.y() + NODE_HEIGHT / 2;
    if (sameColumn) {
      int bend = x1 + 20;
      return "M" + x1 + "," + y1 + " C" + bend + "," + y1 + " " + bend + "," + y2 + " " + x2 + ","
          + y2;
    }
    int mid = (x1 + x2) / 2;
    return "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2;
  }
}
