package org.openair.intel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openair.intel.FeedResult.IndicatorTemplate;

/**
 * Turns the formats sources come in into indicators: STIX 2.1 bundles, MISP events, MISP warning
 * lists, plain lists (one value a line) and CSV with a column mapping. An entry that cannot be read
 * is skipped and counted; only an unreadable document as a whole (bad JSON, a CSV mapping naming a
 * missing column) fails with a {@link FeedException}.
 */
public final class FeedParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedParser() {}

  /** The indicators of a STIX 2.1 bundle (or one STIX object, or an array of them). */
  public static FeedResult stix(byte[] content, SourceSpec spec) throws FeedException {
    JsonNode root = json(content);
    FeedResult out = new FeedResult();
    JsonNode objects = root.isArray() ? root : root.path("objects");
    if (!objects.isArray()) {
      objects = JSON.createArrayNode().add(root);
    }
    for (JsonNode o : objects) {
      if (!"indicator".equals(o.path("type").asText())) {
        continue;
      }
      if (o.path("revoked").asBoolean(false)) {
        continue;
      }
      String patternType = o.path("pattern_type").asText("stix");
      if (!"stix".equals(patternType)) {
        out.skip("unsupported pattern_type " + patternType);
        continue;
      }
      List<StixPattern.Term> terms;
      try {
        terms = StixPattern.parse(o.path("pattern").asText(null));
      } catch (StixPattern.PatternException e) {
        out.skip(e.getMessage());
        continue;
      }
      IndicatorTemplate template = stixTemplate(o, spec);
      for (StixPattern.Term t : terms) {
        out.add(t.type(), t.value(), template);
      }
    }
    return out;
  }

  private static IndicatorTemplate stixTemplate(JsonNode o, SourceSpec spec) {
    List<String> kinds = new ArrayList<>();
    o.path("indicator_types").forEach(n -> kinds.add(n.asText()));
    o.path("labels").forEach(n -> kinds.add(n.asText()));
    IndicatorVerdict verdict = spec.verdict();
    if (kinds.contains("benign")) {
      verdict = IndicatorVerdict.BENIGN;
    } else if (kinds.contains("anomalous-activity") || kinds.contains("unknown")) {
      verdict = IndicatorVerdict.SUSPICIOUS;
    } else if (kinds.contains("malicious-activity") || kinds.contains("compromised")) {
      verdict = IndicatorVerdict.MALICIOUS;
    }
    String threat =
        kinds.stream()
            .filter(
                k ->
                    !List.of("malicious-activity", "anomalous-activity", "benign", "unknown")
                        .contains(k))
            .findFirst()
            .orElse(null);
    String name = o.path("name").asText("").strip();
    String description = o.path("description").asText("").strip();
    String text =
        name.isEmpty() ? description : description.isEmpty() ? name : name + ": " + description;
    return new IndicatorTemplate(
        spec.name(),
        verdict,
        threat,
        o.has("confidence") ? o.path("confidence").asInt(spec.confidence()) : spec.confidence(),
        instant(o.path("valid_from").asText(null)),
        instant(o.path("modified").asText(null)),
        instant(o.path("valid_until").asText(null)),
        text.isEmpty() ? null : cut(text, 2000));
  }

  /** Whether a MISP document is a feed manifest (event uuids to summaries) rather than events. */
  public static boolean isMispManifest(byte[] content) throws FeedException {
    JsonNode root = json(content);
    if (!root.isObject() || root.has("Event") || root.has("response") || root.isEmpty()) {
      return false;
    }
    JsonNode first = root.elements().next();
    return first.isObject() && (first.has("info") || first.has("timestamp"));
  }

  /** The event uuids a MISP feed manifest lists. */
  public static List<String> mispManifest(byte[] content) throws FeedException {
    List<String> ids = new ArrayList<>();
    json(content).fieldNames().forEachRemaining(ids::add);
    return ids;
  }

  /**
   * The indicators of a MISP event document: {@code {"Event": ...}}, {@code {"response": [...]}} or
   * an array of events. Attributes not flagged for detection ({@code to_ids: false}) are left out;
   * attribute types that are not values a message carries are skipped and counted.
   */
  public static void misp(byte[] content, SourceSpec spec, FeedResult out) throws FeedException {
    JsonNode root = json(content);
    List<JsonNode> events = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(n -> events.add(n.has("Event") ? n.path("Event") : n));
    } else if (root.has("response")) {
      root.path("response").forEach(n -> events.add(n.path("Event")));
    } else if (root.has("Event")) {
      events.add(root.path("Event"));
    } else {
      throw new FeedException("not a MISP event: no 'Event' or 'response' member");
    }
    for (JsonNode event : events) {
      mispEvent(event, spec, out);
    }
  }

  private static void mispEvent(JsonNode event, SourceSpec spec, FeedResult out) {
    String level = event.path("threat_level_id").asText("4");
    IndicatorVerdict verdict =
        level.equals("1") || level.equals("2") ? IndicatorVerdict.MALICIOUS : spec.verdict();
    int confidence =
        switch (level) {
          case "1" -> 90;
          case "2" -> 75;
          case "3" -> 50;
          default -> spec.confidence();
        };
    String threat = null;
    for (JsonNode tag : event.path("Tag")) {
      String name = tag.path("name").asText("").toLowerCase(Locale.ROOT);
      if (name.contains("phish") || name.contains("malware") || name.contains("ransom")) {
        threat = name;
        break;
      }
    }
    String info = event.path("info").asText("").strip();
    List<JsonNode> attributes = new ArrayList<>();
    event.path("Attribute").forEach(attributes::add);
    event.path("Object").forEach(o -> o.path("Attribute").forEach(attributes::add));
    for (JsonNode a : attributes) {
      if (!a.path("to_ids").asBoolean(true) || a.path("deleted").asBoolean(false)) {
        continue;
      }
      String comment = a.path("comment").asText("").strip();
      String text = info.isEmpty() ? comment : comment.isEmpty() ? info : info + ": " + comment;
      IndicatorTemplate template =
          new IndicatorTemplate(
              spec.name(),
              verdict,
              threat,
              confidence,
              epoch(a.path("first_seen").asText(null)),
              epoch(a.path("timestamp").asText(null)),
              null,
              text.isEmpty() ? null : cut(text, 2000));
      mispAttribute(a.path("type").asText(""), a.path("value").asText(""), template, out);
    }
  }

  private static void mispAttribute(
      String type, String value, IndicatorTemplate template, FeedResult out) {
    String first = value.contains("|") ? value.substring(0, value.indexOf('|')) : value;
    String second = value.contains("|") ? value.substring(value.indexOf('|') + 1) : "";
    switch (type) {
      case "url" -> out.add(IndicatorType.URL, value, template);
      case "domain", "hostname" -> out.add(IndicatorType.DOMAIN, value, template);
      case "hostname|port" -> out.add(IndicatorType.DOMAIN, first, template);
      case "domain|ip" -> {
        out.add(IndicatorType.DOMAIN, first, template);
        out.add(ipOrCidr(second), second, template);
      }
      case "ip-src", "ip-dst" -> out.add(ipOrCidr(value), value, template);
      case "ip-src|port", "ip-dst|port" -> out.add(IndicatorType.IP, first, template);
      case "md5", "sha1", "sha256" ->
          out.add(IndicatorType.fromCode(type).orElseThrow(), value, template);
      case "filename|md5", "filename|sha1", "filename|sha256" ->
          out.add(
              IndicatorType.fromCode(type.substring(type.indexOf('|') + 1)).orElseThrow(),
              second,
              template);
      case "email", "email-src", "email-reply-to" -> out.add(IndicatorType.EMAIL, value, template);
      case "email-subject" ->
          out.add(
              IndicatorType.SUBJECT, "^" + java.util.regex.Pattern.quote(value) + "$", template);
      case "email-attachment", "filename" ->
          out.add(
              IndicatorType.FILENAME, "^" + java.util.regex.Pattern.quote(value) + "$", template);
      default -> out.skip("unsupported MISP attribute type " + type);
    }
  }

  private static IndicatorType ipOrCidr(String value) {
    return value.contains("/") ? IndicatorType.CIDR : IndicatorType.IP;
  }

  /**
   * The entries of a MISP warning list as benign indicators: {@code hostname} lists as domains
   * (subdomains included), {@code cidr} lists as ranges, {@code string} and {@code substring} lists
   * by the shape of each entry. Regular-expression lists are not supported.
   */
  public static FeedResult warningList(byte[] content, SourceSpec spec) throws FeedException {
    JsonNode root = json(content);
    if (!root.path("list").isArray()) {
      throw new FeedException("not a MISP warning list: no 'list' array");
    }
    FeedResult out = new FeedResult();
    String listType = root.path("type").asText("string");
    String name = root.path("name").asText(spec.name());
    IndicatorTemplate template =
        new IndicatorTemplate(
            spec.name(), IndicatorVerdict.BENIGN, null, 100, null, null, null, cut(name, 2000));
    if (listType.equals("regex")) {
      root.path("list").forEach(n -> out.skip("regex warning lists are not supported"));
      return out;
    }
    for (JsonNode n : root.path("list")) {
      String v = n.asText("").strip();
      if (v.isEmpty()) {
        continue;
      }
      if (listType.equals("substring") && (v.startsWith("@") || v.startsWith("."))) {
        v = v.substring(1);
      }
      IndicatorType type =
          listType.equals("hostname") ? IndicatorType.DOMAIN : IndicatorType.infer(v);
      out.add(type, v, template);
    }
    return out;
  }

  /** One value a line; blank lines and lines starting with {@code #} or {@code ;} are skipped. */
  public static FeedResult list(byte[] content, SourceSpec spec) {
    FeedResult out = new FeedResult();
    IndicatorTemplate template = spec.template();
    for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n")) {
      String v = line.strip();
      if (v.isEmpty() || v.startsWith("#") || v.startsWith(";") || v.startsWith("//")) {
        continue;
      }
      int space = v.indexOf(' ');
      if (space > 0 && !v.contains("://")) {
        v = v.substring(0, space);
      }
      out.add(spec.type() != null ? spec.type() : IndicatorType.infer(v), v, template);
    }
    return out;
  }

  /** CSV read through the source's column mapping; lines starting with {@code #} are comments. */
  public static FeedResult csv(byte[] content, SourceSpec spec) throws FeedException {
    Map<String, String> mapping = spec.mapping();
    if (!mapping.containsKey("value")) {
      throw new FeedException("the CSV mapping needs a 'value' column");
    }
    char delimiter =
        mapping.getOrDefault("delimiter", ",").isEmpty()
            ? ','
            : mapping.getOrDefault("delimiter", ",").charAt(0);
    FeedResult out = new FeedResult();
    Iterator<String> lines =
        new String(content, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).iterator();
    boolean byName =
        mapping.entrySet().stream()
            .filter(e -> !e.getKey().equals("delimiter"))
            .anyMatch(e -> !e.getValue().matches("\\d+"));
    Map<String, Integer> columns = new HashMap<>();
    String headerLine = null;
    while (byName && lines.hasNext()) {
      String l = lines.next();
      if (!l.startsWith("#") || l.length() > 1 && l.substring(1).strip().contains(delimiter + "")) {
        headerLine = l.startsWith("#") ? l.substring(1) : l;
        break;
      }
    }
    if (byName) {
      if (headerLine == null) {
        throw new FeedException("the CSV has no header line to find the mapped columns in");
      }
      List<String> header = csvLine(headerLine.strip(), delimiter);
      for (int i = 0; i < header.size(); i++) {
        columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      if (e.getKey().equals("delimiter")) {
        continue;
      }
      Integer col =
          e.getValue().matches("\\d+")
              ? Integer.valueOf(e.getValue())
              : columns.get(e.getValue().strip().toLowerCase(Locale.ROOT));
      if (col == null) {
        throw new FeedException("the CSV has no column '" + e.getValue() + "' for " + e.getKey());
      }
      index.put(e.getKey(), col);
    }
    while (lines.hasNext()) {
      String l = lines.next();
      if (l.startsWith("#")) {
        continue;
      }
      List<String> cells = csvLine(l, delimiter);
      String value = cell(cells, index.get("value"));
      if (value == null) {
        out.skip("a line without a value column");
        continue;
      }
      IndicatorType type = spec.type();
      String typeCell = cell(cells, index.get("type"));
      if (typeCell != null) {
        type = IndicatorType.fromCode(typeCell).orElse(null);
        if (type == null) {
          out.skip("unknown indicator type " + typeCell);
          continue;
        }
      }
      IndicatorVerdict verdict =
          IndicatorVerdict.fromCode(cell(cells, index.get("verdict"))).orElse(spec.verdict());
      int confidence = spec.confidence();
      String conf = cell(cells, index.get("confidence"));
      if (conf != null && conf.matches("\\d{1,3}")) {
        confidence = Integer.parseInt(conf);
      }
      String description = cell(cells, index.get("description"));
      out.add(
          type != null ? type : IndicatorType.infer(value),
          value,
          new IndicatorTemplate(
              spec.name(),
              verdict,
              cell(cells, index.get("threat")),
              confidence,
              instant(cell(cells, index.get("first_seen"))),
              instant(cell(cells, index.get("last_seen"))),
              instant(cell(cells, index.get("expires"))),
              description == null ? null : cut(description, 2000)));
    }
    return out;
  }

  private static String cell(List<String> cells, Integer col) {
    if (col == null || col >= cells.size()) {
      return null;
    }
    String v = cells.get(col).strip();
    return v.isEmpty() ? null : v;
  }

  /** One CSV line with RFC 4180 quoting. */
  static List<String> csvLine(String line, char delimiter) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }

  private static JsonNode json(byte[] content) throws FeedException {
    try {
      JsonNode node = JSON.readTree(content);
      if (node == null || node.isMissingNode()) {
        throw new FeedException("bad JSON: the document is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new FeedException("bad JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new FeedException("bad JSON: " + e.getMessage(), e);
    }
  }

  static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return Instant.parse(t.replace(' ', 'T') + (t.length() <= 19 ? "Z" : ""));
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }

  private static Instant epoch(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.matches("\\d{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(text));
    }
    return instant(text);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
