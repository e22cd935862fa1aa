package org.openair.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openair.domain.Attachment;
import org.openair.domain.AttachmentScan;
import org.openair.domain.Click;
import org.openair.domain.ClusterMember;
import org.openair.domain.Delegation;
import org.openair.domain.Delivery;
import org.openair.domain.InboxRule;
import org.openair.domain.Investigation;
import org.openair.domain.Link;
import org.openair.domain.LookupRequest;
import org.openair.domain.Message;
import org.openair.domain.Report;

/**
 * A store in memory, indexed like the real one, that answers every lookup the way {@code
 * StoreFactSource} does over the database: the backtest, rule test cases and engine tests use it.
 * Only messages received inside the lookup's window and not after the investigation's time are
 * found, as in a store that is filled as mail arrives. Fill it first; afterwards it may be read by
 * many threads.
 */
public final class InMemoryFactSource implements FactSource {
  /** Most related messages one lookup brings in, as in the real store. */
  public static final int MAX_MESSAGES = 1000;

  /** Most earlier messages a sender-history lookup brings in. */
  public static final int MAX_HISTORY = 20;

  private final Map<String, Message> messages = new HashMap<>();
  private final Map<String, List<Message>> bySenderAndSubject = new HashMap<>();
  private final Map<String, List<Message>> bySender = new HashMap<>();
  private final Map<String, List<Delivery>> deliveries = new HashMap<>();
  private final Map<String, List<Link>> linksByUrl = new HashMap<>();
  private final Map<String, List<Attachment>> attachmentsByHash = new HashMap<>();
  private final Map<String, List<Click>> clicksByUrl = new HashMap<>();
  private final Map<String, List<InboxRule>> inboxRules = new HashMap<>();
  private final Map<String, List<Delegation>> delegations = new HashMap<>();
  private final Map<String, List<Report>> reports = new HashMap<>();
  private final Map<String, List<AttachmentScan>> scans = new HashMap<>();

  /** How many lookups were answered; tests read it. */
  final AtomicInteger calls = new AtomicInteger();

  public InMemoryFactSource add(Message m) {
    messages.put(m.getId(), m);
    bySenderAndSubject.computeIfAbsent(similarity(m), k -> new ArrayList<>()).add(m);
    if (m.getSenderAddress() != null) {
      bySender.computeIfAbsent(m.getSenderAddress(), k -> new ArrayList<>()).add(m);
    }
    return this;
  }

  public InMemoryFactSource add(Delivery d) {
    deliveries.computeIfAbsent(d.getMessageId(), k -> new ArrayList<>()).add(d);
    return this;
  }

  public InMemoryFactSource add(Link l) {
    linksByUrl.computeIfAbsent(l.getUrl(), k -> new ArrayList<>()).add(l);
    return this;
  }

  public InMemoryFactSource add(Attachment a) {
    if (a.getSha256() != null) {
      attachmentsByHash.computeIfAbsent(a.getSha256(), k -> new ArrayList<>()).add(a);
    }
    return this;
  }

  public InMemoryFactSource add(Click c) {
    clicksByUrl.computeIfAbsent(c.getUrl(), k -> new ArrayList<>()).add(c);
    return this;
  }

  public InMemoryFactSource add(InboxRule r) {
    inboxRules.computeIfAbsent(key(r.getMailbox()), k -> new ArrayList<>()).add(r);
    return this;
  }

  public InMemoryFactSource add(Delegation d) {
    delegations.computeIfAbsent(key(d.getMailbox()), k -> new ArrayList<>()).add(d);
    return this;
  }

  public InMemoryFactSource add(Report r) {
    reports.computeIfAbsent(r.getMessageId(), k -> new ArrayList<>()).add(r);
    return this;
  }

  /** A scanner's answer for an attachment, as a configured virus scanner would give it. */
  public InMemoryFactSource add(AttachmentScan s) {
    scans.computeIfAbsent(s.getMessageId(), k -> new ArrayList<>()).add(s);
    return this;
  }

  /** Adds each fact of a type the store keeps; other objects are refused. */
  public InMemoryFactSource addAll(Collection<?> facts) {
    for (Object f : facts) {
      if (f instanceof Message m) {
        add(m);
      } else if (f instanceof Delivery d) {
        add(d);
      } else if (f instanceof Link l) {
        add(l);
      } else if (f instanceof Attachment a) {
        add(a);
      } else if (f instanceof Click c) {
        add(c);
      } else if (f instanceof InboxRule r) {
        add(r);
      } else if (f instanceof Delegation d) {
        add(d);
      } else if (f instanceof Report r) {
        add(r);
      } else if (f instanceof AttachmentScan s) {
        add(s);
      } else {
        throw new IllegalArgumentException("the store keeps no " + f);
      }
    }
    return this;
  }

  @Override
  public List<Object> answer(LookupRequest request, Investigation investigation) {
    calls.incrementAndGet();
    Instant now = investigation.getNow();
    Instant since = now.minus(request.getWindow());
    String key = request.getKey();
    List<Object> out = new ArrayList<>();
    switch (request.getKind()) {
      case SIMILAR_MESSAGES -> {
        Message root = messages.get(key);
        if (root != null) {
          cluster(out, bySenderAndSubject.get(similarity(root)), since, now, request);
        }
      }
      case SAME_URL ->
          cluster(
              out,
              linksByUrl.getOrDefault(key, List.of()).stream()
                  .map(l -> messages.get(l.getMessageId()))
                  .toList(),
              since,
              now,
              request);
      case SAME_ATTACHMENT ->
          cluster(
              out,
              attachmentsByHash
                  .getOrDefault(key.toLowerCase(java.util.Locale.ROOT), List.of())
                  .stream()
                  .map(a -> messages.get(a.getMessageId()))
                  .toList(),
              since,
              now,
              request);
      case DELIVERIES -> out.addAll(deliveries.getOrDefault(key, List.of()));
      case CLICKS ->
          clicksByUrl.getOrDefault(key, List.of()).stream()
              .filter(c -> within(c.getClickedAt(), since, now))
              .forEach(out::add);
      case INBOX_RULES -> out.addAll(inboxRules.getOrDefault(key(key), List.of()));
      case DELEGATIONS -> out.addAll(delegations.getOrDefault(key(key), List.of()));
      case SENT_MESSAGES -> {
        List<Message> sent =
            inWindow(bySender.get(key(key)), since, now).stream()
                .sorted(Comparator.comparing(Message::getReceivedAt).reversed())
                .limit(MAX_MESSAGES)
                .toList();
        out.addAll(sent);
        sent.forEach(m -> out.addAll(deliveries.getOrDefault(m.getId(), List.of())));
      }
      case SENDER_HISTORY ->
          inWindow(bySender.get(key(key)), since, now).stream()
              .sorted(Comparator.comparing(Message::getReceivedAt))
              .limit(MAX_HISTORY)
              .forEach(out::add);
      case ATTACHMENT_SCANS -> out.addAll(scans.getOrDefault(key, List.of()));
      case OTHER_REPORTS ->
          reports.getOrDefault(key, List.of()).stream()
              .filter(r -> r.getReportedAt() == null || within(r.getReportedAt(), since, now))
              .forEach(out::add);
    }
    return out;
  }

  private void cluster(
      List<Object> out, List<Message> found, Instant since, Instant now, LookupRequest request) {
    List<Message> members =
        inWindow(found, since, now).stream()
            .distinct()
            .sorted(Comparator.comparing(Message::getReceivedAt).reversed())
            .limit(MAX_MESSAGES)
            .toList();
    for (Message m : members) {
      out.add(m);
      out.add(new ClusterMember(m.getId(), request.getKind(), request.getKey()));
      out.addAll(deliveries.getOrDefault(m.getId(), List.of()));
    }
  }

  private static List<Message> inWindow(List<Message> found, Instant since, Instant now) {
    if (found == null) {
      return List.of();
    }
    return found.stream()
        .filter(m -> m != null && m.getReceivedAt() != null)
        .filter(m -> within(m.getReceivedAt(), since, now))
        .toList();
  }

  private static boolean within(Instant at, Instant since, Instant now) {
    return !at.isBefore(since) && !at.isAfter(now);
  }

  private static String similarity(Message m) {
    return m.getSenderAddress() + "|" + m.getNormalizedSubject();
  }

  private static String key(String mailbox) {
    return mailbox == null ? "" : mailbox.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
