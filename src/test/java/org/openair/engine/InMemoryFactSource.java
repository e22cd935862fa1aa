package org.openair.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openair.domain.ClusterMember;
import org.openair.domain.Delivery;
import org.openair.domain.Investigation;
import org.openair.domain.Link;
import org.openair.domain.LookupKind;
import org.openair.domain.LookupRequest;
import org.openair.domain.Message;

/**
 * A store in memory, indexed like the real one, that answers lookups the way the real store is
 * meant to. Fill it before investigating; it is read by many threads afterwards.
 */
final class InMemoryFactSource implements FactSource {
  private final Map<String, Message> messages = new HashMap<>();
  private final Map<String, List<Message>> bySenderAndSubject = new HashMap<>();
  private final Map<String, List<Delivery>> deliveries = new HashMap<>();
  private final Map<String, List<Link>> linksByMessage = new HashMap<>();
  private final Map<String, List<Link>> linksByUrl = new HashMap<>();
  final AtomicInteger calls = new AtomicInteger();

  InMemoryFactSource add(Message m) {
    messages.put(m.getId(), m);
    bySenderAndSubject.computeIfAbsent(similarity(m), k -> new ArrayList<>()).add(m);
    return this;
  }

  InMemoryFactSource add(Delivery d) {
    deliveries.computeIfAbsent(d.getMessageId(), k -> new ArrayList<>()).add(d);
    return this;
  }

  InMemoryFactSource add(Link l) {
    linksByMessage.computeIfAbsent(l.getMessageId(), k -> new ArrayList<>()).add(l);
    linksByUrl.computeIfAbsent(l.getUrl(), k -> new ArrayList<>()).add(l);
    return this;
  }

  @Override
  public List<Object> answer(LookupRequest request, Investigation investigation) {
    calls.incrementAndGet();
    Instant since = investigation.getNow().minus(request.getWindow());
    List<Object> out = new ArrayList<>();
    switch (request.getKind()) {
      case SIMILAR_MESSAGES -> {
        Message root = messages.get(request.getKey());
        if (root != null) {
          for (Message m : bySenderAndSubject.getOrDefault(similarity(root), List.of())) {
            if (!m.getId().equals(root.getId()) && !m.getReceivedAt().isBefore(since)) {
              addMessage(out, m, LookupKind.SIMILAR_MESSAGES, request.getKey());
            }
          }
        }
      }
      case SAME_URL -> {
        for (Link l : linksByUrl.getOrDefault(request.getKey(), List.of())) {
          Message m = messages.get(l.getMessageId());
          if (m != null && !m.getReceivedAt().isBefore(since)) {
            addMessage(out, m, LookupKind.SAME_URL, request.getKey());
          }
        }
      }
      case DELIVERIES -> out.addAll(deliveries.getOrDefault(request.getKey(), List.of()));
      default -> {}
    }
    return out;
  }

  private void addMessage(List<Object> out, Message m, LookupKind kind, String key) {
    out.add(m);
    out.add(new ClusterMember(m.getId(), kind, key));
    out.addAll(linksByMessage.getOrDefault(m.getId(), List.of()));
  }

  private static String similarity(Message m) {
    return m.getSenderAddress() + "|" + m.getNormalizedSubject();
  }
}
