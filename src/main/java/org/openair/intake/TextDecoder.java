package org.openair.intake;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a text part into text when its charset is missing, unknown to Java or wrong,
 * which is common in spam written in Asian languages. Declared charsets are read as the superset
 * that mail and web clients really use (the WHATWG Encoding Standard's label table), bytes that are
 * not valid in any declared charset are given to ICU's charset detector, and nothing throws.
 */
final class TextDecoder {
  private static final int MAX_DETECT_BYTES = 64 * 1024;

  /** How far into an HTML part a meta charset is looked for (browsers look at the first 1024). */
  private static final int META_SCAN_BYTES = 4096;

  /**
   * Below this share of bytes over 0x7f, text declared in a one-byte charset is taken as declared:
   * Western text has a few accented letters in a hundred, Asian text is mostly high bytes.
   */
  private static final double HIGH_BYTE_SHARE_TO_CHECK = 0.1;

  /**
   * Share of undecodable characters up to which a declared multi-byte Asian charset is kept: a few
   * stray bytes are common there, and telling GB18030, Big5 and EUC-KR apart from short text is
   * where detectors are least sure.
   */
  private static final double BAD_SHARE_TO_KEEP_ASIAN = 0.05;

  /** ICU's confidence (0-100) needed to overrule a declared one-byte charset that decodes. */
  private static final int CONFIDENCE_TO_OVERRULE = 50;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta\\b[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:+-]+)");

  /**
   * Labels that are names of a narrower charset than what senders really write: decoding with the
   * superset keeps, for example, curly quotes in "ISO-8859-1" text and Hangul that only Windows
   * code page 949 has. From the WHATWG Encoding Standard (encoding.spec.whatwg.org, "Names and
   * labels"), keyed by Java's canonical charset name.
   */
  private static final Map<String, String> SUPERSETS =
      Map.of(
          "US-ASCII", "windows-1252",
          "ISO-8859-1", "windows-1252",
          "ISO-8859-9", "windows-1254",
          "x-iso-8859-11", "x-windows-874",
          "TIS-620", "x-windows-874",
          "GB2312", "GB18030",
          "GBK", "GB18030",
          "Big5", "Big5-HKSCS",
          "EUC-KR", "x-windows-949",
          "Shift_JIS", "windows-31j");

  /**
   * Labels seen in mail that Java does not know: the Windows font charset names (LOGFONT lfCharSet,
   * written by Outlook Express as "GB2312_CHARSET" and the like) and a few common misspellings.
   * Labels mapped to null name no charset at all.
   */
  private static final Map<String, String> MAIL_LABELS =
      Map.ofEntries(
          Map.entry("chinesebig5", "Big5"),
          Map.entry("hangeul", "EUC-KR"),
          Map.entry("hangul", "EUC-KR"),
          Map.entry("ks_c_5601", "EUC-KR"),
          Map.entry("ks_c_5601-1989", "EUC-KR"),
          Map.entry("cp949", "x-windows-949"),
          Map.entry("shiftjis", "Shift_JIS"),
          Map.entry("sjis", "Shift_JIS"),
          Map.entry("ansi", "windows-1252"),
          Map.entry("easteurope", "windows-1250"),
          Map.entry("russian", "windows-1251"),
          Map.entry("greek", "windows-1253"),
          Map.entry("turkish", "windows-1254"),
          Map.entry("hebrew", "windows-1255"),
          Map.entry("arabic", "windows-1256"),
          Map.entry("baltic", "windows-1257"),
          Map.entry("vietnamese", "windows-1258"),
          Map.entry("thai", "x-windows-874"),
          Map.entry("iso-8859-8-i", "ISO-8859-8"),
          Map.entry("iso-8859-6-i", "ISO-8859-6"),
          Map.entry("x-user-defined", "windows-1252"));

  private TextDecoder() {}

  /**
   * The charset a label names, widened to the superset senders really use, or null when no charset
   * is known by that label (also for "default", "unknown-8bit" and the like).
   */
  static Charset lookup(String label) {
    if (label == null) {
      return null;
    }
    String name = label.strip().replace("\"", "").replace("'", "");
    int star = name.indexOf('*');
    if (star >= 0) {
      name = name.substring(0, star);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("_charset")) {
      lower = lower.substring(0, lower.length() - "_charset".length());
    }
    if (lower.isEmpty()) {
      return null;
    }
    name = MAIL_LABELS.getOrDefault(lower, lower);
    Charset cs;
    try {
      cs = Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (RuntimeException e) {
      return null;
    }
    if (cs == null) {
      return null;
    }
    String superset = SUPERSETS.get(cs.name());
    return superset != null && Charset.isSupported(superset) ? Charset.forName(superset) : cs;
  }

  /**
   * Decodes a text part.
   *
   * @param label the charset parameter of its Content-Type, or null
   * @param html whether the part is HTML, whose meta charset is a second opinion
   * @param warn receives a sentence when the charset had to be guessed
   */
  static String decode(byte[] bytes, String label, boolean html, Consumer<String> warn) {
    Charset declared = lookup(label);
    if (declared == null && label != null && !label.isBlank()) {
      warn.accept("charset \"" + shorten(label) + "\" is unknown");
    }
    Charset meta = html ? lookup(metaCharset(bytes)) : null;
    if (plainAscii(bytes) && asciiCompatible(declared) && asciiCompatible(meta)) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    String utf8 = strict(bytes, StandardCharsets.UTF_8);
    for (Charset cs : new Charset[] {declared, meta}) {
      if (cs == null) {
        continue;
      }
      if (utf8 != null && (cs.equals(StandardCharsets.UTF_8) || singleByte(cs))) {
        // Valid multi-byte UTF-8 is hardly ever an accident, while a wrong one-byte label is
        // common.
        return utf8;
      }
      String text = strict(bytes, cs);
      if (text != null) {
        return singleByte(cs) ? checkOneByte(bytes, cs, text, label, warn) : text;
      }
    }
    if (utf8 != null) {
      return utf8;
    }
    if (declared != null && !singleByte(declared) && !declared.equals(StandardCharsets.UTF_8)) {
      String text = lenient(bytes, declared);
      if (replacements(text) <= BAD_SHARE_TO_KEEP_ASIAN * text.length()) {
        warn.accept("text declared as " + declared.name() + " has bytes that are not valid in it");
        return text;
      }
    }
    Charset detected = detect(bytes, html, label != null ? label : metaCharset(bytes), 0);
    Charset used = detected != null ? detected : WINDOWS_1252;
    if (declared != null) {
      warn.accept(
          "text declared as "
              + declared.name()
              + " is not valid "
              + declared.name()
              + ": read as "
              + used.name());
    } else if (detected == null) {
      warn.accept("the charset of a text part could not be known: read as " + used.name());
    }
    return lenient(bytes, used);
  }

  /**
   * Text declared in a one-byte charset but mostly high bytes may be Asian or Cyrillic text with a
   * wrong label; ICU decides when it is confident.
   */
  private static String checkOneByte(
      byte[] bytes, Charset declared, String text, String label, Consumer<String> warn) {
    if (highByteShare(bytes) < HIGH_BYTE_SHARE_TO_CHECK) {
      return text;
    }
    Charset detected = detect(bytes, false, label, CONFIDENCE_TO_OVERRULE);
    if (detected == null || detected.equals(declared) || singleByte(detected)) {
      return text;
    }
    String other = strict(bytes, detected);
    if (other == null) {
      return text;
    }
    warn.accept("text declared as " + declared.name() + " read as " + detected.name());
    return other;
  }

  /** The charset an HTML part's own meta element names, or null. */
  static String metaCharset(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /**
   * ICU's best guess that Java can decode, or null when there is none with at least {@code
   * minConfidence}.
   */
  private static Charset detect(byte[] bytes, boolean html, String hint, int minConfidence) {
    try {
      CharsetDetector detector = new CharsetDetector();
      if (hint != null) {
        detector.setDeclaredEncoding(hint);
      }
      detector.enableInputFilter(html);
      detector.setText(
          bytes.length > MAX_DETECT_BYTES ? Arrays.copyOf(bytes, MAX_DETECT_BYTES) : bytes);
      CharsetMatch[] matches = detector.detectAll();
      for (CharsetMatch match : matches) {
        if (match.getConfidence() < minConfidence) {
          return null;
        }
        Charset cs = lookup(match.getName());
        if (cs != null) {
          return cs;
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String strict(byte[] bytes, Charset cs) {
    try {
      CharBuffer chars =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException | RuntimeException e) {
      return null;
    }
  }

  private static String lenient(byte[] bytes, Charset cs) {
    try {
      return new String(bytes, cs);
    } catch (RuntimeException e) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  /** No byte that any ASCII-compatible charset would read differently from ASCII. */
  private static boolean plainAscii(byte[] bytes) {
    for (byte b : bytes) {
      // ESC starts ISO-2022 shifts; NUL suggests UTF-16.
      if (b < 0 || b == 0x1b || b == 0) {
        return false;
      }
    }
    return true;
  }

  private static int replacements(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\uFFFD') {
        n++;
      }
    }
    return n;
  }

  private static double highByteShare(byte[] bytes) {
    int high = 0;
    for (byte b : bytes) {
      if (b < 0) {
        high++;
      }
    }
    return bytes.length == 0 ? 0 : (double) high / bytes.length;
  }

  private static boolean asciiCompatible(Charset cs) {
    if (cs == null) {
      return true;
    }
    String name = cs.name();
    return !name.startsWith("UTF-16") && !name.startsWith("UTF-32") && !name.startsWith("x-UTF-32");
  }

  private static boolean singleByte(Charset cs) {
    try {
      return cs.canEncode() && cs.newEncoder().maxBytesPerChar() <= 1.0f;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String shorten(String s) {
    String t = s.strip();
    return t.length() > 40 ? t.substring(0, 40) : t;
  }
}
