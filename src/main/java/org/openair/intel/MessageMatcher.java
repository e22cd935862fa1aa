package org.openair.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openair.domain.AllowListHit;
import org.openair.domain.Attachment;
import org.openair.domain.EntityType;
import org.openair.domain.IntelHit;
import org.openair.domain.Link;
import org.openair.domain.Message;
import org.openair.domain.ThreatKind;

/**
 * Matches one message against an index in one pass over its links, attachment hashes and names,
 * sender addresses and domains, sender IP and subject, and turns the matches into facts: an {@link
 * IntelHit} for malicious and suspicious indicators, an {@link AllowListHit} for benign ones.
 * Expired indicators are left out.
 */
public final class MessageMatcher {
  private MessageMatcher() {}

  /** The facts for {@code message}, each match once. */
  public static List<Object> facts(
      IntelIndex index,
      Message message,
      List<Link> links,
      List<Attachment> attachments,
      Instant now) {
    Collector out = new Collector(message.getId(), now);
    for (Link l : links) {
      if (l.getUrl() != null) {
        out.add(EntityType.URL, l.getUrl(), index.matchUrl(l.getUrl()));
      }
    }
    for (Attachment a : attachments) {
      if (a.getSha256() != null) {
        out.add(EntityType.FILE, a.getSha256(), index.matchHash(a.getSha256()));
      }
      if (a.getFileName() != null) {
        out.add(
            EntityType.FILE,
            a.getFileName(),
            index.matchPattern(IndicatorType.FILENAME, a.getFileName()));
      }
    }
    for (String address :
        new String[] {message.getSenderAddress(), message.getReplyTo(), message.getReturnPath()}) {
      if (address != null) {
        out.add(EntityType.SENDER, address, index.matchEmail(address));
      }
    }
    for (String domain : new String[] {message.getSenderDomain(), message.getReplyToDomain()}) {
      if (domain != null) {
        out.add(EntityType.DOMAIN, domain, index.matchDomain(domain));
      }
    }
    if (message.getSenderIp() != null) {
      out.add(EntityType.IP, message.getSenderIp(), index.matchIp(message.getSenderIp()));
    }
    if (message.getSubject() != null) {
      out.add(
          EntityType.MESSAGE,
          message.getSubject(),
          index.matchPattern(IndicatorType.SUBJECT, message.getSubject()));
    }
    return out.facts;
  }

  /** The domain fact's threat kind for a source's threat name and the indicator's type. */
  static ThreatKind threatKind(Indicator i) {
    String t = i.threat() == null ? "" : i.threat().toLowerCase(Locale.ROOT);
    if (t.contains("malware")
        || t.contains("trojan")
        || t.contains("ransom")
        || t.contains("c2")
        || t.contains("botnet")) {
      return ThreatKind.MALWARE;
    }
    if (t.contains("phish")) {
      return ThreatKind.PHISH;
    }
    if (t.contains("spam")) {
      return ThreatKind.SPAM;
    }
    if (i.type().isHash() || i.type() == IndicatorType.FILENAME) {
      return ThreatKind.MALWARE;
    }
    if (i.type() == IndicatorType.URL || i.type() == IndicatorType.DOMAIN) {
      return ThreatKind.MALICIOUS_URL;
    }
    return ThreatKind.NONE;
  }

  private static final class Collector {
    private final String messageId;
    private final Instant now;
    private final List<Object> facts = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    Collector(String messageId, Instant now) {
      this.messageId = messageId;
      this.now = now;
    }

    void add(EntityType type, String value, List<IntelIndex.Match> matches) {
      for (IntelIndex.Match m : matches) {
        Indicator i = m.indicator();
        if (i.expiredAt(now) || !seen.add(type + "|" + value + "|" + i.source() + "|" + i.key())) {
          continue;
        }
        if (i.verdict() == IndicatorVerdict.BENIGN) {
          facts.add(
              new AllowListHit(
                  messageId, type, value, i.type().code(), i.value(), i.source(), m.reason()));
        } else {
          facts.add(
              new IntelHit(
                  messageId,
                  type,
                  value,
                  i.type().code(),
                  i.value(),
                  i.source(),
                  i.verdict().toVerdict(),
                  threatKind(i),
                  i.confidence(),
                  i.description()));
        }
      }
    }
  }
}
