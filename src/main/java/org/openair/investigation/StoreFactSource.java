package org.openair.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openair.action.connector.ImapAclConnector;
import org.openair.action.connector.SieveConnector;
import org.openair.domain.ClusterMember;
import org.openair.domain.Investigation;
import org.openair.domain.LookupKind;
import org.openair.domain.LookupRequest;
import org.openair.domain.Message;
import org.openair.domain.Report;
import org.openair.engine.FactSource;
import org.openair.intake.AttachmentScanner;
import org.openair.intel.IntelMatches;
import org.openair.store.ActivityStore;
import org.openair.store.MessageStore;

/** Answers the rules' lookup requests from the store. */
@ApplicationScoped
public class StoreFactSource implements FactSource {
  /** Most related messages one lookup brings in; a larger cluster is cut and says so. */
  static final int MAX_MESSAGES = 1000;

  /** Most earlier messages a sender-history lookup brings in. */
  static final int MAX_HISTORY = 20;

  private final MessageStore messages;
  private final ActivityStore activity;
  private final SieveConnector sieve;
  private final ImapAclConnector acl;
  private final AttachmentScanner scanner;
  private final IntelMatches intel;

  @Inject
  public StoreFactSource(
      MessageStore messages,
      ActivityStore activity,
      SieveConnector sieve,
      ImapAclConnector acl,
      AttachmentScanner scanner,
      IntelMatches intel) {
    this.messages = messages;
    this.activity = activity;
    this.sieve = sieve;
    this.acl = acl;
    this.scanner = scanner;
    this.intel = intel;
  }

  @Override
  public List<Object> answer(LookupRequest request, Investigation investigation) {
    Instant since = investigation.getNow().minus(request.getWindow());
    List<Object> facts = new ArrayList<>();
    switch (request.getKind()) {
      case SIMILAR_MESSAGES -> {
        Message root = messages.message(request.getKey()).orElse(null);
        if (root != null) {
          cluster(
              facts,
              messages.similar(
                  MessageStore.clusterKey(root.getSenderAddress(), root.getSubject()),
                  since,
                  MAX_MESSAGES),
              request);
        }
      }
      case SAME_URL ->
          cluster(facts, messages.withUrl(request.getKey(), since, MAX_MESSAGES), request);
      case SAME_ATTACHMENT ->
          cluster(facts, messages.withAttachment(request.getKey(), since, MAX_MESSAGES), request);
      case DELIVERIES -> facts.addAll(messages.deliveries(List.of(request.getKey())));
      case CLICKS -> facts.addAll(activity.clicks(request.getKey(), since));
      case INBOX_RULES -> facts.addAll(sieve.refreshRules(request.getKey()));
      case DELEGATIONS -> facts.addAll(acl.refreshDelegations(request.getKey()));
      case SENT_MESSAGES -> {
        List<Message> sent = messages.sentBy(request.getKey(), since, MAX_MESSAGES);
        facts.addAll(sent);
        facts.addAll(messages.deliveries(sent.stream().map(Message::getId).toList()));
      }
      case ATTACHMENT_SCANS -> facts.addAll(scanner.scan(request.getKey()));
      case INTEL_MATCH -> facts.addAll(intel.lookup(request.getKey(), since, MAX_MESSAGES));
      case SENDER_HISTORY ->
          facts.addAll(
              messages.fromSender(request.getKey(), since, investigation.getNow(), MAX_HISTORY));
      case OTHER_REPORTS -> facts.addAll(messages.reports(List.of(request.getKey()), since));
    }
    return facts;
  }

  /**
   * Answers reports of many messages with one query per window: the user-reported playbook asks for
   * the reports of every copy in the cluster, up to {@link #MAX_MESSAGES} of them.
   */
  @Override
  public Map<LookupRequest, Answer> answerAll(
      List<LookupRequest> requests, Investigation investigation) {
    Map<LookupRequest, Answer> answers = new LinkedHashMap<>();
    Map<Duration, List<LookupRequest>> reportsByWindow = new LinkedHashMap<>();
    List<LookupRequest> others = new ArrayList<>();
    for (LookupRequest r : requests) {
      if (r.getKind() == LookupKind.OTHER_REPORTS) {
        reportsByWindow.computeIfAbsent(r.getWindow(), w -> new ArrayList<>()).add(r);
      } else {
        others.add(r);
      }
    }
    reportsByWindow.forEach(
        (window, asked) -> {
          try {
            Map<String, List<Object>> byMessage = new HashMap<>();
            List<String> ids = asked.stream().map(LookupRequest::getKey).distinct().toList();
            for (Report report : messages.reports(ids, investigation.getNow().minus(window))) {
              byMessage.computeIfAbsent(report.getMessageId(), k -> new ArrayList<>()).add(report);
            }
            for (LookupRequest r : asked) {
              answers.put(r, Answer.of(byMessage.getOrDefault(r.getKey(), List.of())));
            }
          } catch (RuntimeException e) {
            asked.forEach(r -> answers.put(r, Answer.failed(e)));
          }
        });
    answers.putAll(FactSource.super.answerAll(others, investigation));
    return answers;
  }

  private void cluster(List<Object> facts, List<Message> found, LookupRequest request) {
    facts.addAll(found);
    for (Message m : found) {
      facts.add(new ClusterMember(m.getId(), request.getKind(), request.getKey()));
    }
    facts.addAll(messages.deliveries(found.stream().map(Message::getId).toList()));
  }
}
