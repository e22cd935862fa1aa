package org.openair.intake;

import com.google.common.net.InternetDomainName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds links in plain text and in parsed HTML. */
final class LinkExtractor {
  private static final Pattern TEXT_URL =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{N}@._/-])(?:https?://|www\\.)"
              + "[^\\s<>\"'`\\u0000-\\u001f\\u007f\\u00a0\\u200b\\u3000]+");
  private static final Pattern REFRESH_URL =
      Pattern.compile("(?i)url\\s*=\\s*['\"]?\\s*([^'\"\\s]+)");
  private static final Pattern URL_LIKE_TEXT = Pattern.compile("(?i)^(?:https?|ftp)://\\S+$");
  private static final Pattern DOMAIN_LIKE_TEXT =
      Pattern.compile("^[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+\\.?(?::\\d{1,5})?(?:[/?#]\\S*)?$");
  private static final int MAX_ANCHOR_TEXT = 1000;

  private LinkExtractor() {}

  /** Links written as text: http(s):// and www. forms, without trailing punctuation. */
  static void fromText(String text, Findings findings, List<String> alreadyShown) {
    if (text == null || text.isEmpty()) {
      return;
    }
    Matcher m = TEXT_URL.matcher(text);
    while (m.find()) {
      String url = trimTrailing(m.group());
      if (url.length() <= 4 || alreadyShown.stream().anyMatch(s -> s.contains(url))) {
        continue;
      }
      findings.addLink(url, null, null);
    }
  }

  /**
   * Links a reader can follow in an HTML document: anchors, image-map areas, form targets and meta
   * refreshes. Images are not links. Returns the anchor texts so that the caller can avoid reading
   * the same URLs again from the document's text.
   */
  static List<String> fromHtml(Document doc, Findings findings) {
    List<String> shown = new ArrayList<>();
    for (Element a : doc.select("a[href], area[href]")) {
      String text = a.normalName().equals("area") ? a.attr("alt") : a.text();
      text = text.strip();
      if (text.length() > MAX_ANCHOR_TEXT) {
        text = text.substring(0, MAX_ANCHOR_TEXT);
      }
      String displayed = text.isEmpty() ? null : text;
      if (displayed != null && shown.size() < Findings.MAX_LINKS) {
        shown.add(displayed);
      }
      findings.addLink(a.attr("href"), displayed, displayedHost(displayed));
    }
    for (Element form : doc.select("form[action]")) {
      findings.addLink(form.attr("action"), null, null);
    }
    for (Element meta : doc.select("meta[http-equiv][content]")) {
      if (meta.attr("http-equiv").strip().equalsIgnoreCase("refresh")) {
        Matcher m = REFRESH_URL.matcher(meta.attr("content"));
        if (m.find()) {
          findings.addLink(m.group(1), null, null);
        }
      }
    }
    return shown;
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
