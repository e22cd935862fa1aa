package org.openair.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Comparing names the way a reader sees them: Unicode confusables (Cyrillic "а" for Latin "a", "rn"
 * for "m") compared by their UTS #39 skeleton, case and accents ignored, and "Doe, Jane" the same
 * person as "Jane Doe".
 */
public final class Names {
  private static final SpoofChecker SPOOF =
      new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
  private static final Normalizer2 NFKC = Normalizer2.getNFKCCasefoldInstance();
  private static final java.util.regex.Pattern MARK_SIGNS =
      java.util.regex.Pattern.compile("[\u2122\u2120]");
  private static final Normalizer2 NFKC_AS_WRITTEN = Normalizer2.getNFKCInstance();

  private Names() {}

  /** The UTS #39 skeleton of {@code text}: two strings that render alike have equal skeletons. */
  public static String skeleton(String text) {
    if (text == null) {
      return "";
    }
    return SPOOF.getSkeleton(NFKC.normalize(text)).toLowerCase(Locale.ROOT);
  }

  /**
   * The skeleton of text as written, capitals kept: a capital I standing for an l ("Iedger") reads
   * as the l it imitates, which case folding would have turned into an i first.
   */
  public static String skeletonAsWritten(String text) {
    if (text == null) {
      return "";
    }
    return SPOOF.getSkeleton(NFKC_AS_WRITTEN.normalize(text)).toLowerCase(Locale.ROOT);
  }

  /** True when some letter of the word, as written, imitates another (I for l, 0 for o). */
  public static boolean hasLookAlikeLetter(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      String letter = new String(Character.toChars(cp));
      if (!skeletonAsWritten(letter).equals(letter.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The words of a name or phrase as written (compatibility forms folded, case kept). */
  public static List<String> wordsAsWritten(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String w : NFKC_AS_WRITTEN.normalize(text).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The words of a name or phrase, case-folded, letters and digits only. */
  public static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    // NFKC spells the trade and service mark signs out as letters ("McAfee™" would read
    // "McAfeeTM"); they are marks after a word, not part of it.
    String folded = NFKC.normalize(MARK_SIGNS.matcher(text).replaceAll(" "));
    List<String> out = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * True when two display names name the same person as a reader would see it: the same words in
   * any order, letters compared by their skeletons. Single-word names never match, as a first name
   * alone names too many people.
   */
  public static boolean sameName(String a, String b) {
    List<String> wa = words(a);
    List<String> wb = words(b);
    if (wa.size() < 2 || wa.size() != wb.size()) {
      return false;
    }
    String[] sa = wa.stream().map(Names::skeleton).sorted().toArray(String[]::new);
    String[] sb = wb.stream().map(Names::skeleton).sorted().toArray(String[]::new);
    return Arrays.equals(sa, sb);
  }

  /** True when {@code text} contains {@code name}'s words in order, confusables included. */
  public static boolean containsName(String text, String name) {
    List<String> wt = words(text).stream().map(Names::skeleton).toList();
    List<String> wn = words(name).stream().map(Names::skeleton).toList();
    if (wn.isEmpty() || wt.size() < wn.size()) {
      return false;
    }
    for (int i = 0; i + wn.size() <= wt.size(); i++) {
      if (wt.subList(i, i + wn.size()).equals(wn)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text as a reader sees it: invisible characters (zero-width spaces and joiners, the
   * combining grapheme joiner, soft hyphens: Unicode's default-ignorable code points) and marks of
   * another script on letters taken out and letters spaced one by one ("C o i n b a s e") joined,
   * so that a name hidden from filters is compared as what it shows.
   */
  public static String asSeen(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder visible = new StringBuilder(text.length());
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
          && !foreignMark(previous, cp)) {
        visible.appendCodePoint(cp);
      }
      previous = cp;
    }
    return SPACED_LETTERS.matcher(visible).replaceAll(m -> m.group().replaceAll("[ .]", ""));
  }

  /**
   * How a name is disguised from filters, or null: invisible characters between its letters, marks
   * of another script on them, a word that mixes Latin letters with Greek or Cyrillic look-alikes
   * ("Αviatiοn" with a Greek Alpha and omicron), letters spaced out one by one, or a code of
   * capitals tacked on after a stray dot (" .NTWQ") that makes every copy of a campaign different.
   * People and companies write their names plainly, and a name wholly in Greek or Cyrillic is
   * written in one script.
   */
  public static String disguise(String text) {
    if (text == null) {
      return null;
    }
    boolean invisible =
        text.codePoints()
            .anyMatch(
                cp ->
                    UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                        && cp != 0x200D
                        && cp != 0xFE0F);
    if (invisible) {
      return "invisible characters between its letters";
    }
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (foreignMark(previous, cp)) {
        return "marks of another script on its letters";
      }
      previous = cp;
    }
    if (Content.mixedScriptWord(text, 1) != null) {
      return "Greek or Cyrillic look-alikes among its Latin letters";
    }
    if (SPACED_LETTERS.matcher(text).find()) {
      return "its letters spaced out one by one";
    }
    return TRAILING_CODE.matcher(text).find() ? "a code tacked onto its end" : null;
  }

  /**
   * True for a combining mark of a script other than the letter it sits on ("A\u073Fmazon" with a
   * Syriac mark on each Latin letter): it renders as a faint dot or nothing, so the word reads
   * whole while no longer matching. Accents on Latin letters are of the inherited script and pass.
   */
  static boolean foreignMark(int letter, int mark) {
    if (letter < 0 || UCharacter.getType(mark) != UCharacter.NON_SPACING_MARK) {
      return false;
    }
    int script = UScript.getScript(mark);
    return script != UScript.INHERITED
        && script != UScript.COMMON
        && UCharacter.isLetter(letter)
        && UScript.getScript(letter) != script;
  }

  /**
   * True for a mailbox name that no person or company would choose: letters only, five to fourteen
   * of them, with capitals scattered through small letters ("oNhPL", "DfGmlrN", "YeBfmEC"), as
   * mass-mailing tools generate by the thousand to spread a campaign over throwaway senders. Words
   * joined with capitals ("DoNotReply", "JohnSmith") are names, not noise.
   */
  public static boolean randomLooking(String mailbox) {
    if (mailbox == null
        || !RANDOM_SHAPE.matcher(mailbox).matches()
        || CAMEL_CASE.matcher(mailbox).matches()) {
      return false;
    }
    int changes = 0;
    for (int i = 1; i < mailbox.length(); i++) {
      if (Character.isUpperCase(mailbox.charAt(i))
          != Character.isUpperCase(mailbox.charAt(i - 1))) {
        changes++;
      }
    }
    return changes >= 3;
  }

  /**
   * The part of a display name that shows it speaks for an organisation rather than a person, or
   * null: a service word ("Support", "Customer Service", "Atendimento", "Kundenservice"), a bank or
   * account word, or a reference number of five digits or more ("Notice 31881313375713").
   */
  public static String organisationCue(String displayName) {
    if (displayName == null) {
      return null;
    }
    java.util.regex.Matcher m = ORGANISATION_WORDS.matcher(displayName);
    if (m.find()) {
      return m.group().strip();
    }
    m = REFERENCE_NUMBER.matcher(displayName);
    return m.find() ? m.group() : null;
  }

  // Five or more single letters each followed by one space or dot: "C o i n b a s e",
  // "P.a.y.P.a.l".
  private static final java.util.regex.Pattern SPACED_LETTERS =
      java.util.regex.Pattern.compile("(?<![\\p{L}])(?:\\p{L}[ .]){4,}\\p{L}(?![\\p{L}])");
  // A run of capitals after a stray dot at the end (".NTWQ"), different in every copy so that no
  // two copies of the campaign look alike; names and domains never end with a dot after a blank.
  private static final java.util.regex.Pattern TRAILING_CODE =
      java.util.regex.Pattern.compile("[\\s.]\\.\\p{Lu}{3,10}\\s*$");
  private static final java.util.regex.Pattern RANDOM_SHAPE =
      java.util.regex.Pattern.compile("(?=.*\\p{Ll})(?=.*\\p{Lu})\\p{L}{5,14}");
  private static final java.util.regex.Pattern CAMEL_CASE =
      java.util.regex.Pattern.compile("\\p{Ll}*(?:\\p{Lu}\\p{Ll}+)+|\\p{Lu}+\\p{Ll}*");
  private static final java.util.regex.Pattern ORGANISATION_WORDS =
      java.util.regex.Pattern.compile(
          "(?iu)(?<![\\p{L}])(?:support|service|services|customer|helpdesk|help desk|team"
              + "|security|account|accounts|billing|notification|notifications|alert|alerts"
              + "|admin|administrator|bank|banking|payments?|refunds?|rewards?|delivery"
              + "|atendimento|central|suporte|conta|banco|kundenservice|kundendienst|konto"
              + "|klantenservice|servicio|cuenta|servizio|clienti)(?![\\p{L}])");
  private static final java.util.regex.Pattern REFERENCE_NUMBER =
      java.util.regex.Pattern.compile("\\d{5,}");
}
