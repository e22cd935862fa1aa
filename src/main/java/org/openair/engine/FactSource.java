package org.openair.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openair.domain.Investigation;
import org.openair.domain.LookupRequest;

/**
 * Answers the lookups rules ask for, usually from the store. Implementations return the facts to
 * insert: messages with a {@link org.openair.domain.ClusterMember} each, deliveries, links, clicks,
 * inbox rules and so on. They must not throw for "nothing found"; return an empty list.
 */
public interface FactSource {
  List<Object> answer(LookupRequest request, Investigation investigation);

  /**
   * Answers the requests one round of rules made, each with its own facts. This default asks {@link
   * #answer} one by one; a store overrides it to answer many requests of one kind with one query,
   * since a rule asking once per cluster member makes a thousand requests for a large campaign. A
   * request whose answer failed maps to the exception, so that the others still count.
   */
  default Map<LookupRequest, Answer> answerAll(
      List<LookupRequest> requests, Investigation investigation) {
    Map<LookupRequest, Answer> answers = new LinkedHashMap<>();
    for (LookupRequest r : requests) {
      try {
        answers.put(r, Answer.of(answer(r, investigation)));
      } catch (RuntimeException e) {
        answers.put(r, Answer.failed(e));
      }
    }
    return answers;
  }

  /** The facts found for one request, or why it could not be answered. */
  record Answer(List<Object> facts, RuntimeException failure) {
    public static Answer of(List<Object> facts) {
      return new Answer(facts == null ? List.of() : facts, null);
    }

    public static Answer failed(RuntimeException failure) {
      return new Answer(List.of(), failure);
    }
  }
}
