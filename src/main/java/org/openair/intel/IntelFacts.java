package org.openair.intel;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.openair.domain.Attachment;
import org.openair.domain.Link;
import org.openair.domain.Message;

/**
 * The index investigations read, and the intel facts of a message. The index reference is swapped
 * whole by {@link IntelService}; readers take it once per message and never wait.
 */
@ApplicationScoped
public class IntelFacts {
  private volatile IntelIndex index = IntelIndex.empty();

  public IntelIndex current() {
    return index;
  }

  void publish(IntelIndex next) {
    index = next;
  }

  /** {@link org.openair.domain.IntelHit}s and {@link org.openair.domain.AllowListHit}s. */
  public List<Object> facts(
      Message message, List<Link> links, List<Attachment> attachments, Instant now) {
    return MessageMatcher.facts(index, message, links, attachments, now);
  }
}
