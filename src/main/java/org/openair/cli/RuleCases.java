package org.openair.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openair.cli.RuleCase.AttachmentSpec;
import org.openair.cli.RuleCase.ClickSpec;
import org.openair.cli.RuleCase.DelegationSpec;
import org.openair.cli.RuleCase.DeliverySpec;
import org.openair.cli.RuleCase.Expect;
import org.openair.cli.RuleCase.InboxRuleSpec;
import org.openair.cli.RuleCase.LinkSpec;
import org.openair.cli.RuleCase.MessageSpec;
import org.openair.cli.RuleCase.ReportSpec;
import org.openair.domain.ActionType;
import org.openair.domain.Alert;
import org.openair.domain.AlertType;
import org.openair.domain.Attachment;
import org.openair.domain.AttachmentScan;
import org.openair.domain.AuthResult;
import org.openair.domain.Click;
import org.openair.domain.Delegation;
import org.openair.domain.Delivery;
import org.openair.domain.InboxRule;
import org.openair.domain.Investigation;
import org.openair.domain.Link;
import org.openair.domain.Message;
import org.openair.domain.Organisation;
import org.openair.domain.Report;
import org.openair.engine.InMemoryFactSource;
import org.openair.engine.InvestigationInput;
import org.openair.engine.InvestigationOutcome;
import org.openair.engine.Investigator;
import org.openair.engine.RuleInfo;
import org.openair.engine.RuleSet;
import org.openair.intake.Domains;
import org.openair.intake.MessageParser;
import org.openair.intake.ParsedMessage;
import org.openair.investigation.OrganisationFile;

/**
 * Loads the rule test cases under {@code rules/cases/<playbook>/}, runs each against a rule set
 * with an in-memory store made of the case's facts, and compares what the investigation concluded
 * with what the case expects. The {@code rules test} command and the Maven suite both use it.
 */
public final class RuleCases {
  /** The investigation's time when a case gives none and has no {@code .eml}. */
  public static final Instant DEFAULT_NOW = Instant.parse("2025-03-10T12:00:00Z");

  /** Who reports when a user-reported case names nobody. */
  public static final String DEFAULT_REPORTER = "alice@corp.example";

  /** The organisation when a case gives none. */
  public static final OrganisationFile DEFAULT_ORGANISATION =
      new OrganisationFile(List.of("corp.example"), null, null, null, null);

  /** Lookup rounds, as the service's default ({@code openair.investigation.max-lookup-rounds}). */
  public static final int LOOKUP_ROUNDS = 5;

  private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)([smhd])");
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final MessageParser PARSER = new MessageParser();

  private RuleCases() {}

  /** One case file: its name ({@code playbook/case}), path, and the case or why it did not load. */
  public record Loaded(String name, String playbook, Path file, RuleCase ruleCase, String error) {}

  /** The outcome of one case: what differed from the expectation (empty when it passed). */
  public record Result(
      String name, String description, List<String> differences, Observed observed) {
    public boolean passed() {
      return differences.isEmpty();
    }
  }

  /** What an investigation concluded, in the terms cases use. */
  public record Observed(
      String verdict, String kind, List<String> rules, List<String> actions, boolean destructive) {
    @Override
    public String toString() {
      return "verdict " + verdict + ", kind " + kind + ", rules " + rules + ", actions " + actions;
    }
  }

  /** Every {@code *.yaml} file under {@code casesDir}, in name order, loaded or with its error. */
  public static List<Loaded> load(Path casesDir) throws IOException {
    if (!Files.isDirectory(casesDir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(casesDir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
              .sorted()
              .toList();
    }
    List<Loaded> out = new ArrayList<>();
    for (Path file : files) {
      Path relative = casesDir.relativize(file);
      String name = relative.toString().replace('\\', '/').replaceFirst("\\.ya?ml$", "");
      String playbook = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
      try {
        RuleCase rc = YAML.readValue(file.toFile(), RuleCase.class);
        if (rc == null || rc.expect() == null) {
          out.add(new Loaded(name, playbook, file, null, "the case has no 'expect' block"));
        } else {
          out.add(new Loaded(name, playbook, file, rc, null));
        }
      } catch (IOException e) {
        out.add(new Loaded(name, playbook, file, null, "cannot read the case: " + oneLine(e)));
      }
    }
    return out;
  }

  /** Runs one loaded case against {@code rules}. */
  public static Result run(RuleSet rules, Loaded loaded) {
    String description = loaded.ruleCase() == null ? null : loaded.ruleCase().description();
    if (loaded.error() != null) {
      return new Result(loaded.name(), description, List.of(loaded.error()), null);
    }
    Observed observed;
    try {
      observed = observe(investigate(rules, loaded));
    } catch (RuntimeException | IOException e) {
      return new Result(
          loaded.name(), description, List.of("the case cannot be run: " + oneLine(e)), null);
    }
    return new Result(
        loaded.name(), description, compare(loaded.ruleCase().expect(), observed), observed);
  }

  /**
   * Rule files whose facts the case format cannot express (threat intelligence's {@code IntelHit}s
   * and {@code AllowListHit}s and the {@code INTEL_MATCH} lookup), with the Java test that covers
   * their rules instead. The coverage check skips them.
   */
  public static final Map<String, String> TESTED_ELSEWHERE =
      Map.of("analyzer_intel.drl", "src/test/java/org/openair/engine/IntelRulesTest.java");

  /**
   * Rule ids that no case expects to fire, and rule ids that no case expects not to fire; rules in
   * {@link #TESTED_ELSEWHERE} files are not counted.
   */
  public static List<String> coverageGaps(RuleSet rules, List<Loaded> cases) {
    Set<String> hit = new TreeSet<>();
    Set<String> missed = new TreeSet<>();
    for (Loaded c : cases) {
      if (c.ruleCase() != null) {
        hit.addAll(c.ruleCase().expect().rules());
        missed.addAll(c.ruleCase().expect().notRules());
      }
    }
    List<String> gaps = new ArrayList<>();
    for (RuleInfo rule : rules.rules()) {
      if (TESTED_ELSEWHERE.containsKey(rule.file())) {
        continue;
      }
      if (!hit.contains(rule.id())) {
        gaps.add(rule.id() + " (" + rule.file() + "): no case expects it to fire");
      }
      if (!missed.contains(rule.id())) {
        gaps.add(rule.id() + " (" + rule.file() + "): no near-miss case expects it not to fire");
      }
    }
    return gaps;
  }

  static InvestigationOutcome investigate(RuleSet rules, Loaded loaded) throws IOException {
    RuleCase rc = loaded.ruleCase();
    Path folder = loaded.file().getParent();
    Organisation org =
        (rc.organisation() == null ? DEFAULT_ORGANISATION : rc.organisation())
            .addTo(Organisation.empty());
    AlertType type = alertType(rc.alert(), loaded.playbook());
    String reporter =
        rc.alert() != null && rc.alert().reportedBy() != null
            ? rc.alert().reportedBy()
            : type == AlertType.USER_REPORTED ? DEFAULT_REPORTER : null;

    List<MessageSpec> specs = new ArrayList<>();
    if (rc.eml() != null) {
      specs.add(
          new MessageSpec(
              null, rc.eml(), null, null, null, null, null, null, null, null, null, null, null,
              null, null, null, null, null));
    }
    specs.addAll(rc.messages());

    List<ParsedMessage> parsed = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      MessageSpec spec = specs.get(i);
      String id = spec.id() != null ? spec.id() : "m" + (i + 1);
      if (spec.eml() != null) {
        byte[] raw = Files.readAllBytes(folder.resolve(spec.eml()));
        parsed.add(PARSER.parse(id, raw, org));
      } else {
        parsed.add(null);
      }
    }
    Instant now = time(rc.now(), null, null);
    if (now == null) {
      now =
          parsed.stream()
              .filter(p -> p != null && p.message().getReceivedAt() != null)
              .map(p -> p.message().getReceivedAt().plus(Duration.ofHours(1)))
              .findFirst()
              .orElse(DEFAULT_NOW);
    }

    InMemoryFactSource store = new InMemoryFactSource();
    Map<String, List<Object>> perMessage = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      MessageSpec spec = specs.get(i);
      String id = spec.id() != null ? spec.id() : "m" + (i + 1);
      ParsedMessage p = parsed.get(i) != null ? parsed.get(i) : fromSpec(id, spec, org, now);
      Message m = p.message();
      if (m.getReceivedAt() == null || spec.receivedAt() != null) {
        m.setReceivedAt(time(spec.receivedAt(), now, now.minus(Duration.ofHours(1))));
      }
      List<Object> facts = new ArrayList<>();
      facts.add(m);
      facts.addAll(p.links());
      facts.addAll(p.attachments());
      List<DeliverySpec> deliveries = spec.deliveries();
      if (deliveries == null) {
        String mailbox =
            reporter != null
                ? reporter
                : m.getRecipients().isEmpty() ? DEFAULT_REPORTER : m.getRecipients().get(0);
        deliveries = List.of(new DeliverySpec(mailbox, null));
      }
      int n = 1;
      for (DeliverySpec d : deliveries) {
        facts.add(
            new Delivery(
                id + "-d" + n++,
                id,
                d.mailbox(),
                d.folder() == null ? Delivery.INBOX : d.folder(),
                m.getReceivedAt()));
      }
      store.addAll(facts);
      perMessage.put(id, facts);
    }
    for (ClickSpec c : rc.clicks()) {
      store.add(
          new Click(
              required(c.url(), "clicks[].url"),
              required(c.user(), "clicks[].user"),
              time(c.at(), now, now.minus(Duration.ofMinutes(30))),
              c.message(),
              Boolean.TRUE.equals(c.blocked())));
    }
    int ruleNo = 1;
    for (InboxRuleSpec r : rc.inboxRules()) {
      String mailbox = required(r.mailbox(), "inboxRules[].mailbox");
      store.add(
          new InboxRule(
              r.id() != null ? r.id() : "rule-" + ruleNo++,
              mailbox.toLowerCase(Locale.ROOT),
              r.name() != null ? r.name() : "rule",
              r.forwardTo(),
              r.external() != null
                  ? r.external()
                  : r.forwardTo() != null && !org.isInternalAddress(r.forwardTo()),
              r.enabled() == null || r.enabled(),
              time(r.createdAt(), now, now.minus(Duration.ofHours(2)))));
    }
    int delegationNo = 1;
    for (DelegationSpec d : rc.delegations()) {
      String mailbox = required(d.mailbox(), "delegations[].mailbox");
      String delegate = required(d.delegate(), "delegations[].delegate").toLowerCase(Locale.ROOT);
      store.add(
          new Delegation(
              d.id() != null ? d.id() : "delegation-" + delegationNo++,
              mailbox.toLowerCase(Locale.ROOT),
              delegate,
              d.rights() != null ? d.rights() : "lrs",
              d.folder() != null ? d.folder() : "INBOX",
              d.external() != null ? d.external() : !org.isInternalAddress(delegate),
              time(d.grantedAt(), now, now.minus(Duration.ofHours(2)))));
    }
    int reportNo = 1;
    for (ReportSpec r : rc.reports()) {
      store.add(
          new Report(
              "report-" + reportNo++,
              required(r.message(), "reports[].message"),
              required(r.reportedBy(), "reports[].reportedBy"),
              time(r.at(), now, now.minus(Duration.ofMinutes(20)))));
    }

    // The first message is the alert's unless the alert names one, or is about a user or a URL.
    boolean aboutUserOrUrl =
        rc.alert() != null && (rc.alert().user() != null || rc.alert().url() != null);
    for (RuleCase.ScanSpec sc : rc.scans()) {
      String mid = required(sc.message(), "scans[].message");
      String file = required(sc.file(), "scans[].file");
      String hash =
          perMessage.getOrDefault(mid, List.of()).stream()
              .filter(f -> f instanceof Attachment a && file.equals(a.getFileName()))
              .map(f -> ((Attachment) f).getSha256())
              .findFirst()
              .orElse(sha256(mid + "/" + file));
      store.add(
          new AttachmentScan(
              mid, file, hash, Boolean.TRUE.equals(sc.infected()), sc.signature(), sc.error()));
    }
    String rootId =
        rc.alert() != null && rc.alert().message() != null
            ? rc.alert().message()
            : aboutUserOrUrl ? null : perMessage.keySet().stream().findFirst().orElse(null);
    if (rootId != null && !perMessage.containsKey(rootId) && rc.alert() != null) {
      throw new IllegalArgumentException("alert.message " + rootId + " is not among the messages");
    }
    Alert alert =
        new Alert(
            "alert-case",
            type,
            rootId,
            null,
            rc.alert() == null ? null : rc.alert().url(),
            rc.alert() == null || rc.alert().user() == null
                ? null
                : rc.alert().user().toLowerCase(Locale.ROOT),
            reporter == null ? null : reporter.toLowerCase(Locale.ROOT),
            time(
                rc.alert() == null ? null : rc.alert().at(),
                now,
                now.minus(Duration.ofMinutes(5))));
    List<Object> input = new ArrayList<>();
    Set<String> mailboxes = new LinkedHashSet<>();
    if (rootId != null) {
      for (Object f : perMessage.get(rootId)) {
        input.add(f);
        if (f instanceof Delivery d) {
          mailboxes.add(d.getMailbox());
        }
      }
    }
    if (alert.getReportedBy() != null) {
      mailboxes.add(alert.getReportedBy());
    }
    if (alert.getUser() != null) {
      mailboxes.add(alert.getUser());
    }
    if (alert.getUrl() != null) {
      input.add(Domains.link(alert.getLinkMessageId(), alert.getUrl(), null));
    }
    input.addAll(Facts.mailboxes(mailboxes, org));
    return new Investigator(LOOKUP_ROUNDS)
        .investigate(
            rules,
            new InvestigationInput(
                new Investigation("case:" + loaded.name(), type.playbook(), now),
                alert,
                org,
                input),
            store);
  }

  static Observed observe(InvestigationOutcome outcome) {
    List<String> actions =
        outcome.actions().stream().map(a -> a.fact().getType().code()).distinct().toList();
    boolean destructive =
        outcome.actions().stream().anyMatch(a -> a.fact().getType().isDestructive());
    return new Observed(
        outcome.verdict().code(),
        outcome.threatKind().code(),
        outcome.firedRules(),
        actions,
        destructive);
  }

  static List<String> compare(Expect expect, Observed got) {
    List<String> diff = new ArrayList<>();
    if (!expect.verdict().isEmpty() && !expect.verdict().contains(got.verdict())) {
      diff.add("verdict: expected " + oneOf(expect.verdict()) + ", got " + got.verdict());
    }
    if (!expect.kind().isEmpty() && !expect.kind().contains(got.kind())) {
      diff.add("kind: expected " + oneOf(expect.kind()) + ", got " + got.kind());
    }
    for (String id : expect.rules()) {
      if (!got.rules().contains(id)) {
        diff.add("rules: expected " + id + " to fire; it did not");
      }
    }
    for (String id : expect.notRules()) {
      if (got.rules().contains(id)) {
        diff.add("rules: expected " + id + " not to fire; it fired");
      }
    }
    for (String a : expect.actions()) {
      checkActionCode(a);
      if (!got.actions().contains(a)) {
        diff.add("actions: expected " + a + "; it was not recommended");
      }
    }
    for (String a : expect.notActions()) {
      checkActionCode(a);
      if (got.actions().contains(a)) {
        diff.add("actions: expected no " + a + "; it was recommended");
      }
    }
    if (expect.destructive() != null && expect.destructive() != got.destructive()) {
      diff.add(
          expect.destructive()
              ? "destructive: expected a destructive action; none was recommended"
              : "destructive: expected no destructive action; got "
                  + got.actions().stream()
                      .filter(
                          a -> ActionType.fromCode(a).map(ActionType::isDestructive).orElse(false))
                      .toList());
    }
    return diff;
  }

  private static void checkActionCode(String code) {
    if (ActionType.fromCode(code).isEmpty()) {
      throw new IllegalArgumentException("unknown action type '" + code + "' in the case");
    }
  }

  private static AlertType alertType(RuleCase.AlertSpec alert, String playbook) {
    if (alert != null && alert.type() != null) {
      return AlertType.fromCode(alert.type())
          .orElseThrow(
              () -> new IllegalArgumentException("unknown alert type '" + alert.type() + "'"));
    }
    for (AlertType t : AlertType.values()) {
      if (t.playbook().equals(playbook)) {
        return t;
      }
    }
    return AlertType.USER_REPORTED;
  }

  private static ParsedMessage fromSpec(
      String id, MessageSpec spec, Organisation org, Instant now) {
    String from = spec.from() != null ? spec.from() : "sender@vendor.example";
    List<String> to = spec.to() != null ? spec.to() : List.of(DEFAULT_REPORTER);
    String returnPath = spec.returnPath() != null ? spec.returnPath() : from;
    Message m =
        new Message()
            .setId(id)
            .setInternetMessageId(id + "@case.invalid")
            .setSenderAddress(from)
            .setSenderDisplayName(spec.fromName())
            .setSenderDomain(domainOf(from))
            .setReplyTo(spec.replyTo())
            .setReplyToDomain(domainOf(spec.replyTo()))
            .setReturnPath(returnPath)
            .setReturnPathDomain(domainOf(returnPath))
            .setRecipients(to)
            .setSubject(spec.subject() != null ? spec.subject() : "Quarterly report")
            .setSenderIp(spec.senderIp() != null ? spec.senderIp() : "198.51.100.7")
            .setSpf(auth(spec.spf()))
            .setDkim(auth(spec.dkim()))
            .setDmarc(auth(spec.dmarc()))
            .setCompauth(spec.compauth() == null ? AuthResult.MISSING : auth(spec.compauth()))
            .setBodyText(spec.body());
    m.setDirection(MessageParser.direction(m.getSenderDomain(), to, org));
    List<Link> links = new ArrayList<>();
    List<Link> pictureLinks = new ArrayList<>();
    if (spec.links() != null) {
      for (LinkSpec l : spec.links()) {
        String url = required(l.url(), "links[].url");
        String host = Domains.hostOf(url);
        Link link =
            new Link(
                id,
                url,
                host,
                Domains.registrableDomain(host),
                l.text(),
                Domains.displayedHost(l.text()));
        links.add(link);
        if (Boolean.TRUE.equals(l.image())) {
          pictureLinks.add(link);
        }
      }
    }
    m.setLinkedImagesFrom(pictureLinks);
    List<Attachment> attachments = new ArrayList<>();
    if (spec.attachments() != null) {
      for (AttachmentSpec a : spec.attachments()) {
        String name = a.name();
        attachments.add(
            new Attachment(
                id,
                name,
                a.declaredType() != null ? a.declaredType() : "application/octet-stream",
                a.detectedType(),
                a.size() != null ? a.size() : 1024,
                a.sha256() != null ? a.sha256() : sha256(id + "/" + name)));
      }
    }
    return new ParsedMessage(m, links, attachments, List.of());
  }

  /** Authentication results default to pass: a case says only what it is about. */
  private static AuthResult auth(String word) {
    if (word == null) {
      return AuthResult.PASS;
    }
    if (word.strip().equalsIgnoreCase("missing")) {
      return AuthResult.MISSING;
    }
    AuthResult r = AuthResult.parse(word);
    if (r == AuthResult.MISSING) {
      throw new IllegalArgumentException("unknown authentication result '" + word + "'");
    }
    return r;
  }

  /**
   * An ISO instant, or a time relative to {@code now} such as {@code -2h}, {@code -3d}, {@code
   * -30m}; {@code fallback} when absent.
   */
  static Instant time(String text, Instant now, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    Matcher m = RELATIVE.matcher(text.strip());
    if (m.matches() && now != null) {
      long n = Long.parseLong(m.group(2));
      Duration d =
          switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return m.group(1).equals("-") ? now.minus(d) : now.plus(d);
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither an ISO instant nor a relative time like -2h", e);
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
    return value;
  }

  private static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String oneOf(List<String> values) {
    return values.size() == 1 ? values.get(0) : "one of " + values;
  }

  static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.replaceAll("\\s*\\n\\s*", " ").strip();
  }
}
