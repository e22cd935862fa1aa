package org.openair.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Finds text that an HTML body pushes out of the reader's view: an element whose style moves what
 * follows it thousands of pixels down (margin, padding or offset), or an empty block thousands of
 * pixels tall, with text after it. The reader sees the top of the mail (typically a picture that
 * links to the lure) and never scrolls that far; filters read the text below, often a newsletter
 * copied from a real sender so that the message reads as harmless ("hidden text salting").
 *
 * <p>Also text switched off with {@code display: none} when there is more of it than of text the
 * reader sees: a whole story, or a tag type ({@code q}, {@code blockquote}) hidden wholesale,
 * behind a picture or a few words. Mail hides a preview line that way, a sentence or two, and
 * layouts switch blocks for small screens inside {@code @media} rules, which are not read here.
 *
 * <p>Styles come from the element's own {@code style} attribute and from {@code <style>} rules
 * whose selector is one class or one tag ({@code .name}, {@code div.name}, {@code q}); that is how
 * the variants seen in the wild are written, and reading full CSS would cost more than the check is
 * worth. Mail layouts use spacers of tens of pixels; a thousand pixels is more than a screen's
 * height.
 */
final class HiddenContent {
  /** Pixels of empty space or offset that no screen shows at once. */
  static final int MIN_PUSH_PX = 1000;

  /** Viewport heights: twice the screen. */
  private static final int MIN_PUSH_VH = 200;

  /** Characters of text below the push that make it a hiding place rather than a tall margin. */
  static final int MIN_HIDDEN_CHARS = 80;

  /** Letters and digits of display-none text that are more than a preview line. */
  static final int MIN_HIDDEN_LETTERS = 200;

  private static final int MAX_STYLE_RULES = 2000;
  private static final int MAX_PUSH_CHECKS = 20;
  private static final Pattern DISPLAY_NONE =
      Pattern.compile("(?:^|[;\\s{])display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIMPLE_SELECTOR =
      Pattern.compile("^\\s*([a-z][a-z0-9]*)?(?:\\.([a-z0-9_-]+))?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLASS_SELECTOR =
      Pattern.compile("^\\s*[a-z0-9]*\\.([a-z0-9_-]+)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DECLARATION =
      Pattern.compile(
          "(?:^|[;\\s{])(margin-top|padding-top|top|height|min-height)\\s*:\\s*(\\d+(?:\\.\\d+)?)"
              + "\\s*(px|vh)",
          Pattern.CASE_INSENSITIVE);

  private HiddenContent() {}

  /** A rule of a style sheet; {@code inMedia} when it sits inside an {@code @media} block. */
  private record StyleRule(String selector, String declarations, boolean inMedia) {}

  /** What pushes text out of view, in words; {@code spacer} when it is an empty block's height. */
  private record Push(String how, boolean spacer) {}

  /**
   * How the document hides text below the visible part, in words, or null when it does not: "text
   * pushed 470500px down (margin-top of div.belowView)".
   */
  static String find(Document doc) {
    List<StyleRule> rules = styleRules(doc);
    String pushed = pushedDown(doc, rules);
    return pushed != null ? pushed : switchedOff(doc, rules);
  }

  private static String pushedDown(Document doc, List<StyleRule> rules) {
    Map<String, String> classStyles = classStyles(rules);
    int checked = 0;
    for (Element el : doc.getAllElements()) {
      Push push = push(el, el.attr("style"), "");
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
      if (push == null) {
        continue;
      }
      if (hiddenText(el, push.spacer()) >= MIN_HIDDEN_CHARS) {
        return push.how();
      }
      // Each check walks what follows the element: a page of empty spacers must not cost a walk
      // apiece.
      if (++checked >= MAX_PUSH_CHECKS) {
        return null;
      }
    }
    return null;
  }

  /** Declarations of {@code <style>} rules for one class, by class name in lower case. */
  private static Map<String, String> classStyles(List<StyleRule> rules) {
    Map<String, String> styles = new HashMap<>();
    for (StyleRule rule : rules) {
      if (!DECLARATION.matcher(rule.declarations()).find()) {
        continue;
      }
      for (String selector : rule.selector().split(",")) {
        Matcher c = CLASS_SELECTOR.matcher(selector);
        if (c.matches()) {
          styles.merge(
              c.group(1).toLowerCase(Locale.ROOT), rule.declarations(), (a, b) -> a + ";" + b);
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
  private static Push push(Element el, String style, String via) {
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
      return new Push(
          "text pushed "
              + m.group(2)
              + m.group(3).toLowerCase(Locale.ROOT)
              + " down by the "
              + property
              + " of "
              + (height ? "an empty " : "")
              + el.tagName()
              + via,
          height);
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
  private static int hiddenText(Element el, boolean spacer) {
    int count = spacer ? 0 : el.text().strip().length();
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

  /**
   * How much text {@code display: none} hides, in words, when it is at least {@link
   * #MIN_HIDDEN_LETTERS} letters and digits and more than the reader sees; else null.
   */
  private static String switchedOff(Document doc, List<StyleRule> rules) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    Set<String> tags = new HashSet<>();
    Set<String> classes = new HashSet<>();
    hidingRules(rules, tags, classes);
    int[] hidden = {0};
    String[] first = {null};
    body.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e && hides(e, tags, classes)) {
              int letters = letters(e.text());
              if (letters > 0 && first[0] == null) {
                first[0] = describe(e, tags);
              }
              hidden[0] += letters;
              return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        });
    int visible = letters(body.text()) - hidden[0];
    if (hidden[0] < MIN_HIDDEN_LETTERS || hidden[0] <= visible) {
      return null;
    }
    return hidden[0]
        + " letters of text switched off with display: none ("
        + first[0]
        + ") against "
        + Math.max(visible, 0)
        + " shown";
  }

  /** Tags and classes that {@code <style>} rules outside {@code @media} switch off. */
  private static void hidingRules(List<StyleRule> rules, Set<String> tags, Set<String> classes) {
    for (StyleRule rule : rules) {
      if (rule.inMedia() || !DISPLAY_NONE.matcher(rule.declarations()).find()) {
        continue;
      }
      for (String selector : rule.selector().split(",")) {
        Matcher c = SIMPLE_SELECTOR.matcher(selector);
        if (!c.matches()) {
          continue;
        }
        if (c.group(2) != null) {
          classes.add(c.group(2).toLowerCase(Locale.ROOT));
        } else if (c.group(1) != null) {
          tags.add(c.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  /**
   * The rules of the document's style sheets, comments dropped, each marked when it sits inside an
   * {@code @media} block. One pass with indexOf: a regular expression for "selector { declarations
   * }" retried at every position took quadratic time on style blocks filled with text and no
   * braces, which spam does to bury its words.
   */
  private static List<StyleRule> styleRules(Document doc) {
    List<StyleRule> rules = new ArrayList<>();
    for (Element style : doc.getElementsByTag("style")) {
      String css = withoutComments(style.data());
      int start = 0;
      int mediaEnd = -1;
      while (rules.size() < MAX_STYLE_RULES) {
        int open = css.indexOf('{', start);
        int close = open < 0 ? -1 : css.indexOf('}', open + 1);
        if (close < 0) {
          break;
        }
        String selector = css.substring(start, open);
        int after = selector.lastIndexOf('}');
        if (after >= 0) {
          selector = selector.substring(after + 1);
        }
        int nested = css.indexOf('{', open + 1);
        if (nested >= 0 && nested < close) {
          // An at-rule's block: its own rules follow its brace.
          if (selector.strip().toLowerCase(Locale.ROOT).startsWith("@media")) {
            mediaEnd = Math.max(mediaEnd, endOfBlock(css, open));
          }
          start = open + 1;
          continue;
        }
        rules.add(new StyleRule(selector, css.substring(open + 1, close), open < mediaEnd));
        start = close + 1;
      }
    }
    return rules;
  }

  private static String withoutComments(String css) {
    StringBuilder out = new StringBuilder(css.length());
    int start = 0;
    while (true) {
      int open = css.indexOf("/*", start);
      if (open < 0) {
        out.append(css, start, css.length());
        return out.toString();
      }
      out.append(css, start, open);
      int close = css.indexOf("*/", open + 2);
      if (close < 0) {
        return out.toString();
      }
      start = close + 2;
    }
  }

  /** The index after the brace that closes the block opened at {@code open}. */
  private static int endOfBlock(String css, int open) {
    int depth = 0;
    for (int i = open; i < css.length(); i++) {
      char c = css.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return css.length();
  }

  private static boolean hides(Element e, Set<String> tags, Set<String> classes) {
    if (tags.contains(e.normalName()) || DISPLAY_NONE.matcher(e.attr("style")).find()) {
      return true;
    }
    if (!classes.isEmpty()) {
      for (String name : e.classNames()) {
        if (classes.contains(name.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(Element e, Set<String> tags) {
    return tags.contains(e.normalName())
        ? "every " + e.normalName() + " element"
        : e.normalName()
            + (e.hasAttr("style") && DISPLAY_NONE.matcher(e.attr("style")).find()
                ? " with an inline style"
                : " of a hidden class");
  }

  private static int letters(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        n++;
      }
    }
    return n;
  }
}
