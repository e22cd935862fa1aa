package org.openair.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A content cue's regular expression, matched case-insensitively and fast.
 *
 * <p>The cues are long alternations of phrases ({@code \b(?:verify your account|...)}), and a
 * {@link Matcher#find()} tries every alternative at every position of the text: that made them most
 * of an investigation's work. Here the text is lower-cased once, so the pattern needs no
 * case-insensitive matching, and the pattern is only tried where the text's next two characters can
 * begin a match. Which pairs can is worked out from the pattern itself when it is compiled (a pair
 * can begin a match when the matcher either matches it or runs out of input while still matching),
 * so the shortcut never changes what is found: {@link #find} returns what {@code
 * Pattern.compile(regex, CASE_INSENSITIVE | UNICODE_CASE)} would.
 *
 * <p>Patterns are written in lower case. Lookbehinds and {@code \B} depend on the text before a
 * start, which the pairs cannot tell, so such patterns are searched at every position.
 */
public final class CuePattern {
  /** Characters below this are looked up in the pair table; any other may begin anything. */
  private static final int TABLE = 256;

  private final Pattern pattern;

  /** Pairs (a, b) of characters that can begin a match, as bit a * TABLE + b; null: no shortcut. */
  private final long[] pairs;

  /** Characters that can begin a match as the text's last character. */
  private final long[] lasts;

  /**
   * Whether every match must begin at a word boundary ({@code \\b} opens the pattern and no
   * alternative of the whole pattern goes without it): no match begins inside a word.
   */
  private final boolean wordStart;

  private CuePattern(Pattern pattern, BitSet pairs, BitSet lasts) {
    this.pattern = pattern;
    this.wordStart = opensWithWordBoundary(pattern.pattern());
    this.pairs = pairs == null ? null : Arrays.copyOf(pairs.toLongArray(), TABLE * TABLE / 64);
    this.lasts = lasts == null ? null : Arrays.copyOf(lasts.toLongArray(), TABLE / 64);
  }

  /**
   * Compiles {@code regex}, which must be written in lower case.
   *
   * @throws IllegalArgumentException when it does not compile or has an upper-case letter outside
   *     an escape such as {@code \S} or {@code \p{L}}
   */
  public static CuePattern compile(String regex) {
    String upper = upperCaseLiteral(regex);
    if (upper != null) {
      throw new IllegalArgumentException(
          "write the pattern in lower case (texts are lower-cased before matching): '"
              + upper
              + "' in "
              + regex);
    }
    Pattern pattern = Pattern.compile(regex);
    boolean lookbehind = regex.contains("(?<=") || regex.contains("(?<!") || regex.contains("\\B");
    if (lookbehind || pattern.matcher("").lookingAt()) {
      return new CuePattern(pattern, null, null);
    }
    BitSet pairs = new BitSet(TABLE * TABLE);
    BitSet lasts = new BitSet(TABLE);
    Matcher m = pattern.matcher("");
    char[] pair = new char[2];
    for (char a = 0; a < TABLE; a++) {
      m.reset(String.valueOf(a));
      boolean matched = m.lookingAt();
      if (!matched && !m.hitEnd()) {
        continue;
      }
      if (matched) {
        lasts.set(a);
      }
      pair[0] = a;
      for (char b = 0; b < TABLE; b++) {
        pair[1] = b;
        m.reset(new String(pair));
        if (matched || m.lookingAt() || m.hitEnd()) {
          pairs.set(a * TABLE + b);
        }
      }
    }
    return new CuePattern(pattern, pairs, lasts);
  }

  /**
   * The first match in {@code text}, as written there and stripped, or null. A {@link Text} is
   * searched as it is; any other text is lower-cased first.
   */
  public String find(CharSequence text) {
    if (text == null || text.length() == 0) {
      return null;
    }
    Search s = search(text);
    return s.next() ? s.group().strip() : null;
  }

  /**
   * Up to {@code enough} different matches (ignoring case), in the order they occur, as written.
   */
  public List<String> distinct(CharSequence text, int enough) {
    if (text == null || text.length() == 0) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> found = new ArrayList<>();
    Search s = search(text);
    while (found.size() < enough && s.next()) {
      String match = s.group().strip();
      if (seen.add(match.toLowerCase(Locale.ROOT))) {
        found.add(match);
      }
    }
    return found;
  }

  /** The matches in {@code text}, one by one. */
  public Search search(CharSequence text) {
    return new Search(Text.of(text));
  }

  /**
   * A text lower-cased once, for any number of patterns to search. It reads as the text itself, so
   * a message can hand the same one to every cue.
   */
  public static final class Text implements CharSequence {
    private final String text;
    private final char[] lower;
    private final String lowerText;

    private Text(String text) {
      this.text = text;
      // One char for one char, so that positions in the lower-cased text are positions in the text.
      this.lower = text.toCharArray();
      for (int i = 0; i < lower.length; i++) {
        lower[i] = Character.toLowerCase(lower[i]);
      }
      this.lowerText = new String(lower);
    }

    /** {@code text} itself when it is a Text already, else {@code text} lower-cased. */
    public static Text of(CharSequence text) {
      return text instanceof Text t ? t : new Text(text == null ? "" : text.toString());
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    /** The text as written. */
    @Override
    public String toString() {
      return text;
    }
  }

  /** Successive matches in one text, as {@link Matcher#find()} gives them. */
  public final class Search {
    private final String text;
    private final char[] lower;
    private final Matcher matcher;
    private int from;

    private Search(Text text) {
      this.text = text.text;
      this.lower = text.lower;
      this.matcher =
          pattern.matcher(text.lowerText).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Moves to the next match; false when there is none. */
    public boolean next() {
      int n = lower.length;
      if (from > n) {
        return false;
      }
      if (pairs == null) {
        matcher.region(from, n);
        return advance(matcher.find());
      }
      char[] chars = lower;
      long[] table = pairs;
      for (int i = from; i < n; i++) {
        char a = chars[i];
        if (a < TABLE) {
          if (i + 1 < n) {
            char b = chars[i + 1];
            int bit = a * TABLE + b;
            if (b < TABLE && (table[bit >>> 6] & (1L << bit)) == 0) {
              continue;
            }
          } else if ((lasts[a >>> 6] & (1L << a)) == 0) {
            continue;
          }
        }
        // Two word characters in a row have no boundary between them, so a pattern that opens
        // with one cannot match here: the pair table lets through many positions inside words.
        if (wordStart && i > 0 && isWord(a) && isWord(chars[i - 1])) {
          continue;
        }
        matcher.region(i, n);
        if (matcher.lookingAt()) {
          return advance(true);
        }
      }
      from = n + 1;
      return false;
    }

    private boolean advance(boolean found) {
      if (!found) {
        from = lower.length + 1;
        return false;
      }
      from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
      return true;
    }

    public int start() {
      return matcher.start();
    }

    public int end() {
      return matcher.end();
    }

    /** The match as written in the text, in its own case. */
    public String group() {
      return text.substring(matcher.start(), matcher.end());
    }
  }

  // A word character as java.util.regex's \\b reads one (without UNICODE_CHARACTER_CLASS).
  private static boolean isWord(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  // Whether the regex opens with \\b and has no "|" outside parentheses that would let an
  // alternative begin without it.
  private static boolean opensWithWordBoundary(String regex) {
    if (!regex.startsWith("\\b")) {
      return false;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 2; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return false;
      }
    }
    return true;
  }

  private static String upperCaseLiteral(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        i++;
        char escaped = regex.charAt(i);
        // \p{Lu}, \x{1D400}, \N{...}: the braces hold a name or number, not text.
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '{' && "pPxN".indexOf(escaped) >= 0) {
          i = regex.indexOf('}', i);
          if (i < 0) {
            return null;
          }
        } else if (escaped == 'p' || escaped == 'P') {
          i++;
        } else if (escaped == 'u' || escaped == 'x') {
          i += escaped == 'u' ? 4 : 2;
        }
      } else if (Character.isUpperCase(c)) {
        return String.valueOf(c);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
