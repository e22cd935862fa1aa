package org.openair.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds text that an HTML body pushes out of the reader's view: an element whose style moves what
 * follows it thousands of pixels down (margin, padding or offset), or an empty block thousands of
 * pixels tall, with text after it. The reader sees the top of the mail (typically a picture that
 * links to the lure) and never scrolls that far; filters read the text below, often a newsletter
 * copied from a real sender so that the message reads as harmless ("hidden text salting").
 *
 * <p>Styles come from the element's own {@code style} attribute and from {@code <style>} rules
 * whose selector is one class ({@code .name}, {@code div.name}); that is how both variants seen in
 * the wild are written, and reading full CSS would cost more than the check is worth. Mail layouts
 * use spacers of tens of pixels; a thousand pixels is more than a screen's height.
 */
final class HiddenContent {
  /** Pixels of empty space or offset that no screen shows at once. */
  static final int MIN_PUSH_PX = 1000;

  /** Viewport heights: twice the screen. */
  private static final int MIN_PUSH_VH = 200;

  /** Characters of text below the push that make it a hiding place rather than a tall margin. */
  static final int MIN_HIDDEN_CHARS = 80;

  private static final int MAX_STYLE_RULES = 2000;
  private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)\\}");
  private static final Pattern CLASS_SELECTOR =
      Pattern.compile("^\\s*[a-z0-9]*\\.([a-z0-9_-]+)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DECLARATION =
      Pattern.compile(
          "(?:^|[;\\s{])(margin-top|padding-top|top|height|min-height)\\s*:\\s*(\\d+(?:\\.\\d+)?)"
              + "\\s*(px|vh)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

  private HiddenContent() {}

  /**
   * How the document hides text below the visible part, in words, or null when it does not: "text
   * pushed 470500px down (margin-top of div.belowView)".
   */
  static String find(Document doc) {
    Map<String, String> classStyles = classStyles(doc);
    for (Element el : doc.getAllElements()) {
      String push = push(el, el.attr("style"), "");
      if (push == null && !classStyles.isEmpty()) {
        for (String name : el.classNames()) {
          String style = classStyles.get(name.toLowerCase(Locale.ROOT));
          if (style != null) {
            push = push(el, style, "." + name);
            if (push != null) {
              break;
            }
          }
        }
      }
      if (push != null && hiddenText(el, push) >= MIN_HIDDEN_CHARS) {
        return push;
      }
    }
    return null;
  }

  /** Declarations of {@code <style>} rules for one class, by class name in lower case. */
  private static Map<String, String> classStyles(Document doc) {
    Map<String, String> styles = new HashMap<>();
    int rules = 0;
    for (Element style : doc.getElementsByTag("style")) {
      Matcher m = RULE.matcher(COMMENT.matcher(style.data()).replaceAll(""));
      while (m.find() && rules++ < MAX_STYLE_RULES) {
        if (!DECLARATION.matcher(m.group(2)).find()) {
          continue;
        }
        for (String selector : m.group(1).split(",")) {
          Matcher c = CLASS_SELECTOR.matcher(selector);
          if (c.matches()) {
            styles.merge(c.group(1).toLowerCase(Locale.ROOT), m.group(2), (a, b) -> a + ";" + b);
          }
        }
      }
    }
    return styles;
  }

  /**
   * What in {@code style} pushes the content after {@code el} out of view, or null: an offset of
   * the element itself, or a height when the element is an empty block (no text, picture or
   * background of its own: a spacer, not a tall picture).
   */
  private static String push(Element el, String style, String via) {
    if (style == null || style.isEmpty()) {
      return null;
    }
    Matcher m = DECLARATION.matcher(style);
    while (m.find()) {
      String property = m.group(1).toLowerCase(Locale.ROOT);
      double value = Double.parseDouble(m.group(2));
      boolean far = "vh".equalsIgnoreCase(m.group(3)) ? value >= MIN_PUSH_VH : value >= MIN_PUSH_PX;
      if (!far) {
        continue;
      }
      boolean height = property.endsWith("height");
      if (height && !emptyBlock(el, style)) {
        continue;
      }
      return "text pushed "
          + m.group(2)
          + m.group(3).toLowerCase(Locale.ROOT)
          + " down by the "
          + property
          + " of "
          + (height ? "an empty " : "")
          + el.tagName()
          + via;
    }
    return null;
  }

  private static boolean emptyBlock(Element el, String style) {
    String lower = style.toLowerCase(Locale.ROOT);
    return !el.tagName().equals("img")
        && !lower.contains("url(")
        && !el.hasAttr("background")
        && el.text().isBlank()
        && el.select("img, svg, video, picture, canvas, iframe, object, embed, input").isEmpty();
  }

  /**
   * Characters of text out of view, counted up to the threshold: an offset moves the element's own
   * text down with everything after it, an empty spacer only what follows it.
   */
  private static int hiddenText(Element el, String push) {
    int count = push.contains(" of an empty ") ? 0 : el.text().strip().length();
    if (count >= MIN_HIDDEN_CHARS) {
      return count;
    }
    List<Node> queue = new ArrayList<>();
    for (Node n = el; n != null && count < MIN_HIDDEN_CHARS; n = n.parent()) {
      for (Node sibling = n.nextSibling(); sibling != null; sibling = sibling.nextSibling()) {
        queue.clear();
        queue.add(sibling);
        while (!queue.isEmpty() && count < MIN_HIDDEN_CHARS) {
          Node current = queue.remove(queue.size() - 1);
          if (current instanceof TextNode t) {
            count += t.text().strip().length();
          } else if (current instanceof Element e && !isInvisibleTag(e)) {
            List<Node> children = e.childNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
              queue.add(children.get(i));
            }
          }
        }
        if (count >= MIN_HIDDEN_CHARS) {
          return count;
        }
      }
    }
    return count;
  }

  private static boolean isInvisibleTag(Element e) {
    String tag = e.tagName();
    return tag.equals("style") || tag.equals("script") || tag.equals("title") || tag.equals("head");
  }
}
