package org.openair.engine;

import java.util.List;
import org.openair.domain.Investigation;
import org.openair.domain.LookupRequest;

/**
 * Answers the lookups rules ask for, usually from the store. Implementations return the facts to
 * insert: messages with a {@link org.openair.domain.ClusterMember} each, deliveries, links, clicks,
 * inbox rules and so on. They must not throw for "nothing found"; return an empty list.
 */
public interface FactSource {
  List<Object> answer(LookupRequest request, Investigation investigation);
}
