package org.openair.intel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the part of the STIX 2.1 patterning language that names indicator values: comparisons with
 * {@code =}, {@code IN}, {@code MATCHES} (subjects and file names) and {@code ISSUBSET} (IP ranges)
 * on URLs, domain names, IP addresses, file hashes, file names, e-mail addresses and e-mail message
 * subjects, senders and attachment names, joined by {@code OR} inside or between observations.
 * Everything else (AND, NOT, FOLLOWEDBY, qualifiers, other objects) cannot be matched value by
 * value and is refused as unsupported.
 */
final class StixPattern {
  /** One value the pattern names. */
  record Term(IndicatorType type, String value) {}

  /** The pattern is not valid STIX, or uses something that cannot be matched value by value. */
  static final class PatternException extends Exception {
    PatternException(String message) {
      super(message);
    }
  }

  private final String text;
  private int pos;

  private StixPattern(String text) {
    this.text = text;
  }

  static List<Term> parse(String pattern) throws PatternException {
    if (pattern == null || pattern.isBlank()) {
      throw new PatternException("empty pattern");
    }
    return new StixPattern(pattern).observations();
  }

  private List<Term> observations() throws PatternException {
    List<Term> out = new ArrayList<>();
    while (true) {
      skipSpace();
      expect('[');
      out.addAll(comparisons());
      skipSpace();
      if (pos >= text.length()) {
        return out;
      }
      String word = word();
      if (!word.equals("OR")) {
        throw unsupported(
            word.isEmpty() ? "text after the pattern" : "'" + word + "' between observations");
      }
    }
  }

  private List<Term> comparisons() throws PatternException {
    List<Term> out = new ArrayList<>();
    while (true) {
      skipSpace();
      String path = path();
      skipSpace();
      String op = operator();
      skipSpace();
      IndicatorType type = typeOf(path, op);
      if (op.equals("IN")) {
        expect('(');
        while (true) {
          skipSpace();
          out.add(term(type, op, string()));
          skipSpace();
          if (peek() == ',') {
            pos++;
            continue;
          }
          expect(')');
          break;
        }
      } else {
        out.add(term(type, op, string()));
      }
      skipSpace();
      if (peek() == ']') {
        pos++;
        return out;
      }
      String word = word();
      if (!word.equals("OR")) {
        throw unsupported(word.isEmpty() ? "a missing ']'" : "'" + word + "' in an observation");
      }
    }
  }

  private static Term term(IndicatorType type, String op, String value) {
    if (type.isPattern() && !op.equals("MATCHES")) {
      return new Term(type, "^" + Pattern.quote(value) + "$");
    }
    return new Term(type, value);
  }

  private IndicatorType typeOf(String path, String op) throws PatternException {
    String p = path.replace("\"", "'");
    String object = p.contains(":") ? p.substring(0, p.indexOf(':')) : p;
    String property = p.contains(":") ? p.substring(p.indexOf(':') + 1) : "";
    IndicatorType type = null;
    if (property.matches("(.*\\.)?hashes\\.'?[A-Za-z0-9-]+'?")) {
      String algo =
          property
              .substring(property.lastIndexOf("hashes.") + 7)
              .replace("'", "")
              .replace("-", "")
              .toUpperCase(Locale.ROOT);
      type =
          switch (algo) {
            case "SHA256" -> IndicatorType.SHA256;
            case "SHA1" -> IndicatorType.SHA1;
            case "MD5" -> IndicatorType.MD5;
            default -> throw unsupported("hash algorithm " + algo);
          };
    } else {
      type =
          switch (object + ":" + property) {
            case "url:value" -> IndicatorType.URL;
            case "domain-name:value" -> IndicatorType.DOMAIN;
            case "ipv4-addr:value", "ipv6-addr:value" ->
                op.equals("ISSUBSET") ? IndicatorType.CIDR : IndicatorType.IP;
            case "email-addr:value",
                "email-message:from_ref.value",
                "email-message:sender_ref.value" ->
                IndicatorType.EMAIL;
            case "email-message:subject" -> IndicatorType.SUBJECT;
            case "file:name", "email-message:body_multipart[*].body_raw_ref.name" ->
                IndicatorType.FILENAME;
            default -> null;
          };
    }
    if (type == null) {
      throw unsupported("object path " + path);
    }
    boolean ok =
        switch (op) {
          case "=", "IN" -> true;
          case "MATCHES" -> type.isPattern();
          case "ISSUBSET" -> type == IndicatorType.CIDR;
          default -> false;
        };
    if (!ok) {
      throw unsupported("operator " + op + " on " + path);
    }
    return type;
  }

  private String path() throws PatternException {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\'') {
        int close = text.indexOf('\'', pos + 1);
        if (close < 0) {
          throw malformed("an unclosed quote in the object path");
        }
        pos = close + 1;
      } else if (c == '[') {
        int close = text.indexOf(']', pos);
        if (close < 0) {
          throw malformed("an unclosed '[' in the object path");
        }
        pos = close + 1;
      } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '.') {
        pos++;
      } else {
        break;
      }
    }
    if (pos == start || text.indexOf(':', start) < 0 || text.indexOf(':', start) >= pos) {
      throw malformed("no object path at position " + start);
    }
    return text.substring(start, pos);
  }

  private String operator() throws PatternException {
    char c = peek();
    if (c == '=') {
      pos++;
      return "=";
    }
    if (c == '!' || c == '<' || c == '>') {
      int start = pos;
      while (pos < text.length() && "!<>=".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      throw unsupported("operator " + text.substring(start, pos));
    }
    String w = word();
    if (w.isEmpty()) {
      throw malformed("no operator at position " + pos);
    }
    return w;
  }

  private String string() throws PatternException {
    if (peek() != '\'') {
      throw unsupported("a value that is not a string at position " + pos);
    }
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        out.append(text.charAt(pos++));
      } else if (c == '\'') {
        return out.toString();
      } else {
        out.append(c);
      }
    }
    throw malformed("an unclosed string");
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos).toUpperCase(Locale.ROOT);
  }

  private void expect(char c) throws PatternException {
    if (peek() != c) {
      throw malformed("expected '" + c + "' at position " + pos);
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static PatternException unsupported(String what) {
    return new PatternException("unsupported STIX pattern: " + what);
  }

  private static PatternException malformed(String what) {
    return new PatternException("malformed STIX pattern: " + what);
  }
}
