package org.openair.intake;

import com.google.common.net.InternetDomainName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.openair.domain.Link;

/** Finds links in plain text and in parsed HTML. */
final class LinkExtractor {
  private static final Pattern REFRESH_URL =
      Pattern.compile("(?i)url\\s*=\\s*['\"]?\\s*([^'\"\\s]+)");
  private static final Pattern URL_LIKE_TEXT = Pattern.compile("(?i)^(?:https?|ftp)://\\S+$");
  private static final Pattern DOMAIN_LIKE_TEXT =
      Pattern.compile("^[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+\\.?(?::\\d{1,5})?(?:[/?#]\\S*)?$");
  private static final int MAX_ANCHOR_TEXT = 1000;
  private static final int MAX_FORM_TARGET = 200;
  private static final Pattern WEB_TARGET = Pattern.compile("(?i)^https?://");
  private static final Pattern BACKGROUND_PICTURE =
      Pattern.compile("background(?:-image)?\\s*:[^;]*url\\(\\s*['\"]?\\s*https?://");
  private static final Pattern TINY_BOX =
      Pattern.compile("(?:^|[;\\s])(?:width|height)\\s*:\\s*[01](?:px)?\\s*(?:;|$)");
  // Pictures sit in a few wrappers (table cells, spans, centres) inside their link, not more.
  private static final int MAX_PICTURE_NESTING = 12;

  private LinkExtractor() {}

  /** Links written as text: http(s):// and www. forms, without trailing punctuation. */
  static void fromText(String text, Findings findings, List<String> alreadyShown) {
    if (text == null || text.isEmpty()) {
      return;
    }
    // A hand-written scan: a case-insensitive regex with a look-behind tried at every position
    // was the parser's hottest spot on large bodies.
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int start = -1;
      if ((c == 'h' || c == 'H')
          && (text.regionMatches(true, i, "http://", 0, 7)
              || text.regionMatches(true, i, "https://", 0, 8))) {
        start = i;
      } else if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)) {
        start = i;
      }
      if (start < 0 || (start > 0 && isWordBefore(text.charAt(start - 1)))) {
        i++;
        continue;
      }
      int end = start;
      while (end < n && isUrlChar(text.charAt(end))) {
        end++;
      }
      String url = trimTrailing(text.substring(start, end));
      i = Math.max(end, start + 1);
      if (url.length() <= 4 || alreadyShown.stream().anyMatch(shown -> shown.contains(url))) {
        continue;
      }
      findings.addLink(url, null, null);
    }
  }

  private static boolean isWordBefore(char c) {
    return Character.isLetterOrDigit(c) || c == '@' || c == '.' || c == '_' || c == '/' || c == '-';
  }

  private static boolean isUrlChar(char c) {
    return c > ' '
        && c != '<'
        && c != '>'
        && c != '"'
        && c != '\''
        && c != '`'
        && c != '\u007f'
        && c != '\u00a0'
        && c != '\u200b'
        && c != '\u3000'
        && !Character.isWhitespace(c);
  }

  /**
   * Links a reader can follow in an HTML document: anchors, image-map areas, form targets and meta
   * refreshes. Images are not links, but when {@code countPictures} is set (the HTML the reader
   * sees, not an attachment) a picture inside a web link is counted, with where the link leads.
   * Returns the anchor texts so that the caller can avoid reading the same URLs again from the
   * document's text.
   */
  static List<String> fromHtml(Document doc, Findings findings, boolean countPictures) {
    List<String> shown = new ArrayList<>();
    // One walk over the elements instead of one selector query per kind.
    for (Element e : doc.getAllElements()) {
      switch (e.normalName()) {
        case "a", "area" -> {
          if (!e.hasAttr("href")) {
            continue;
          }
          String text = (e.normalName().equals("area") ? e.attr("alt") : e.text()).strip();
          if (text.length() > MAX_ANCHOR_TEXT) {
            text = text.substring(0, MAX_ANCHOR_TEXT);
          }
          String displayed = text.isEmpty() ? null : text;
          if (displayed != null && shown.size() < Findings.MAX_LINKS) {
            shown.add(displayed);
          }
          findings.addLink(e.attr("href"), displayed, displayedHost(displayed));
        }
        case "form" -> {
          HtmlForms.Asks asks = HtmlForms.asks(e);
          if (e.hasAttr("action")) {
            findings.addLink(
                e.attr("action"),
                null,
                null,
                asks.secret() ? Link.FORM_ASKS_SECRET : Link.FORM_ASKS_NO_SECRET);
          }
          if (countPictures && asks.contactDetails()) {
            String action = e.attr("action").strip();
            if (action.length() > MAX_FORM_TARGET) {
              action = action.substring(0, MAX_FORM_TARGET);
            }
            findings.contactForm(
                String.join(", ", asks.personalDetails())
                    + (action.isEmpty() ? "" : " to " + action));
          }
        }
        case "meta" -> {
          if (e.attr("http-equiv").strip().equalsIgnoreCase("refresh")) {
            Matcher m = REFRESH_URL.matcher(e.attr("content"));
            if (m.find()) {
              findings.addLink(m.group(1), null, null);
            }
          }
        }
        case "img" -> {
          if (countPictures && !trackingPixel(e)) {
            String target = webLinkAround(e);
            if (target != null) {
              findings.addLinkedImage(target);
            }
          }
        }
        case "input" -> {
          // An image button shows its picture like an img does.
          if (countPictures
              && e.attr("type").strip().equalsIgnoreCase("image")
              && e.hasAttr("src")) {
            String target = webLinkAround(e);
            if (target != null) {
              findings.addLinkedImage(target);
            }
          }
        }
        default -> {
          // Not a link.
        }
      }
      if (countPictures && backgroundPicture(e)) {
        String target = e.normalName().equals("a") ? webTarget(e) : webLinkAround(e);
        if (target != null) {
          findings.addLinkedImage(target);
        }
      }
    }
    return shown;
  }

  /**
   * The http(s) target of the link a picture sits in, or null when the nearest enclosing anchor has
   * none or there is no anchor within a few levels. Walking up from the picture costs a few steps;
   * searching every anchor's subtree for pictures would read the whole document again.
   */
  private static String webLinkAround(Element img) {
    Element e = img.parent();
    for (int i = 0; e != null && i < MAX_PICTURE_NESTING; i++, e = e.parent()) {
      if (e.normalName().equals("a")) {
        return webTarget(e);
      }
    }
    return null;
  }

  private static String webTarget(Element anchor) {
    String href = anchor.attr("href").strip();
    return WEB_TARGET.matcher(href).find() ? href : null;
  }

  /**
   * True when the element's own style paints a picture over it ({@code background:url(...)}) and
   * does not shrink it to a pixel: a picture the reader sees as surely as an img, but one that
   * filters looking for img tags miss.
   */
  private static boolean backgroundPicture(Element e) {
    if (!e.hasAttr("style")) {
      return false;
    }
    String style = e.attr("style").toLowerCase(Locale.ROOT);
    return BACKGROUND_PICTURE.matcher(style).find() && !TINY_BOX.matcher(style).find();
  }

  /** A picture declared 0 or 1 pixel wide or high is an open-tracking beacon, not content. */
  private static boolean trackingPixel(Element img) {
    return tiny(img.attr("width")) || tiny(img.attr("height"));
  }

  private static boolean tiny(String size) {
    String s = size.strip();
    return s.equals("0") || s.equals("1") || s.equals("0px") || s.equals("1px");
  }

  /**
   * The host that link text names when the text itself is a URL or a bare domain (so {@code
   * www.paypal.com} or {@code https://paypal.com/login}, but not {@code Click here}), normalised
   * like link hosts so that the two compare.
   */
  static String displayedHost(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.isEmpty() || t.length() > MAX_ANCHOR_TEXT) {
      return null;
    }
    if (URL_LIKE_TEXT.matcher(t).matches()) {
      return Domains.hostOf(t);
    }
    if (!DOMAIN_LIKE_TEXT.matcher(t).matches()) {
      return null;
    }
    String host = Domains.hostOf(t);
    if (host == null) {
      return null;
    }
    if (host.startsWith("www.") || Domains.isIpLiteral(host)) {
      return host;
    }
    try {
      return InternetDomainName.from(host).hasPublicSuffix() ? host : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String trimTrailing(String url) {
    int end = url.length();
    while (end > 0) {
      char c = url.charAt(end - 1);
      if (".,;:!?*'\"".indexOf(c) >= 0) {
        end--;
      } else if (c == ')' && unbalanced(url, end, '(', ')')
          || c == ']' && unbalanced(url, end, '[', ']')
          || c == '}' && unbalanced(url, end, '{', '}')) {
        end--;
      } else {
        break;
      }
    }
    return url.substring(0, end);
  }

  private static boolean unbalanced(String s, int end, char open, char close) {
    int balance = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == open) {
        balance++;
      } else if (c == close) {
        balance--;
      }
    }
    return balance < 0;
  }
}
