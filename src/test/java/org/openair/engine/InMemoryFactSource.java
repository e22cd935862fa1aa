package org.openair.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openair.domain.ClusterMember;
import org.openair.domain.Delivery;
import org.openair.domain.Investigation;
import org.openair.domain.Link;
import org.openair.domain.LookupKind;
import org.openair.domain.LookupRequest;
import org.openair.domain.Message;

/** A store in memory that answers lookups the way the real store is meant to. */
final class InMemoryFactSource implements FactSource {
  final List<Message> messages = new ArrayList<>();
  final List<Delivery> deliveries = new ArrayList<>();
  final List<Link> links = new ArrayList<>();
  final AtomicInteger calls = new AtomicInteger();

  InMemoryFactSource add(Message m) {
    messages.add(m);
    return this;
  }

  InMemoryFactSource add(Delivery d) {
    deliveries.add(d);
    return this;
  }

  InMemoryFactSource add(Link l) {
    links.add(l);
    return this;
  }

  @Override
  public List<Object> answer(LookupRequest request, Investigation investigation) {
    calls.incrementAndGet();
    Instant since = investigation.getNow().minus(request.getWindow());
    List<Object> out = new ArrayList<>();
    switch (request.getKind()) {
      case SIMILAR_MESSAGES -> {
        Message root = message(request.getKey());
        if (root == null) {
          break;
        }
        for (Message m : messages) {
          if (!m.getId().equals(root.getId())
              && m.getSenderAddress().equals(root.getSenderAddress())
              && m.getNormalizedSubject().equals(root.getNormalizedSubject())
              && !m.getReceivedAt().isBefore(since)) {
            addMessage(out, m, LookupKind.SIMILAR_MESSAGES, request.getKey());
          }
        }
      }
      case SAME_URL -> {
        for (Link l : links) {
          if (l.getUrl().equals(request.getKey())) {
            Message m = message(l.getMessageId());
            if (m != null && !m.getReceivedAt().isBefore(since)) {
              addMessage(out, m, LookupKind.SAME_URL, request.getKey());
            }
          }
        }
      }
      case DELIVERIES ->
          deliveries.stream()
              .filter(d -> d.getMessageId().equals(request.getKey()))
              .forEach(out::add);
      default -> {}
    }
    return out;
  }

  private void addMessage(List<Object> out, Message m, LookupKind kind, String key) {
    out.add(m);
    out.add(new ClusterMember(m.getId(), kind, key));
    links.stream().filter(l -> l.getMessageId().equals(m.getId())).forEach(out::add);
  }

  private Message message(String id) {
    return messages.stream().filter(m -> m.getId().equals(id)).findFirst().orElse(null);
  }
}
