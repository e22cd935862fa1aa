package org.openair.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openair.domain.Attachment;
import org.openair.domain.Link;

/**
 * What one parse has found so far, across the message and the messages nested in it. Every list is
 * capped here so that no message, however large or hostile, can make intake hold unbounded state.
 */
final class Findings {
  static final int MAX_BODY_CHARS = 64 * 1024;
  static final int MAX_LINKS = 500;
  static final int MAX_ATTACHMENTS = 100;
  static final int MAX_URL_CHARS = 8 * 1024;
  static final int MAX_LINKED_IMAGE_DOMAINS = 20;
  private static final int MAX_WARNINGS = 50;
  private static final Pattern LINK_SCHEME = Pattern.compile("(?i)^(https?|ftp):|^//|^www\\.");
  private static final Pattern INVISIBLE = Pattern.compile("[\\t\\r\\n]");

  private final String messageId;
  private final Map<String, Link> links = new LinkedHashMap<>();
  private final List<Attachment> attachments = new ArrayList<>();
  private final Set<String> warnings = new LinkedHashSet<>();
  private final StringBuilder body = new StringBuilder();
  private boolean bodyFull;
  private int linkedImages;
  private final Set<String> linkedImageDomains = new LinkedHashSet<>();
  private String hiddenContent;
  private String contactForm;

  Findings(String messageId) {
    this.messageId = messageId;
  }

  String messageId() {
    return messageId;
  }

  void warn(String warning) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(warning);
    }
  }

  /**
   * Adds a link unless it names no host, is a duplicate or the cap is reached. Only web links
   * count: mailto:, tel:, cid:, javascript: and relative references are skipped without a warning.
   */
  void addLink(String rawUrl, String displayedText, String displayedHost) {
    addLink(rawUrl, displayedText, displayedHost, null);
  }

  /** Adds a link as above, saying what a form posting to it asks ({@link Link#getForm}). */
  void addLink(String rawUrl, String displayedText, String displayedHost, String form) {
    if (rawUrl == null) {
      return;
    }
    String url = INVISIBLE.matcher(rawUrl.strip()).replaceAll("");
    if (url.isEmpty() || !LINK_SCHEME.matcher(url).find()) {
      return;
    }
    if (url.length() > MAX_URL_CHARS) {
      warn("link longer than " + MAX_URL_CHARS + " characters skipped");
      return;
    }
    String host = Domains.hostOf(url);
    if (host == null) {
      return;
    }
    String key = url + '\u0000' + displayedText;
    if (links.containsKey(key)) {
      return;
    }
    if (links.size() >= MAX_LINKS) {
      warn("more than " + MAX_LINKS + " links: the rest were not kept");
      return;
    }
    links.put(
        key,
        new Link(
            messageId,
            url,
            host,
            Domains.registrableDomain(host),
            displayedText,
            displayedHost,
            form));
  }

  /** Counts a picture the reader sees inside a link to {@code url}, and where the link leads. */
  void addLinkedImage(String url) {
    linkedImages++;
    String domain = Domains.registrableDomain(Domains.hostOf(url));
    if (domain != null && linkedImageDomains.size() < MAX_LINKED_IMAGE_DOMAINS) {
      linkedImageDomains.add(domain);
    }
  }

  int linkedImages() {
    return linkedImages;
  }

  List<String> linkedImageDomains() {
    return List.copyOf(linkedImageDomains);
  }

  /**
   * Keeps the first form of the body that asks for contact details: the kinds it asks and where it
   * posts.
   */
  void contactForm(String description) {
    if (contactForm == null) {
      contactForm = description;
    }
  }

  String contactForm() {
    return contactForm;
  }

  /** Keeps the first way an HTML body was found to hide text from the reader (null: none). */
  void hideContent(String how) {
    if (hiddenContent == null) {
      hiddenContent = how;
    }
  }

  String hiddenContent() {
    return hiddenContent;
  }

  boolean attachmentsFull() {
    if (attachments.size() >= MAX_ATTACHMENTS) {
      warn("more than " + MAX_ATTACHMENTS + " attachments: the rest were not kept");
      return true;
    }
    return false;
  }

  void addAttachment(Attachment attachment) {
    if (!attachmentsFull()) {
      attachments.add(attachment);
    }
  }

  void appendBody(String rawText) {
    if (rawText == null || rawText.isBlank() || bodyFull) {
      return;
    }
    String text = Headers.withoutControls(rawText);
    if (body.length() > 0) {
      body.append('\n');
    }
    int room = MAX_BODY_CHARS - body.length();
    if (text.length() > room) {
      int cut = Math.max(room, 0);
      // Do not split a surrogate pair at the cut.
      if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      body.append(text, 0, cut);
      bodyFull = true;
      warn("body text truncated at " + MAX_BODY_CHARS + " characters");
    } else {
      body.append(text);
    }
  }

  String body() {
    return body.toString();
  }

  List<Link> links() {
    return List.copyOf(links.values());
  }

  List<Attachment> attachments() {
    return List.copyOf(attachments);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
