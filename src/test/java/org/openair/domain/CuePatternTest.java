package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CuePatternTest {
  private static final List<String> REGEXES =
      List.of(
          "\\b(?:(?:verify|confirm) (?:your )?(?:account|password)|password (?:will )?expire[sd]?"
              + "|sign ?in to (?:view|open))\\b",
          "\\$\\d[\\d,]* (?:per|a) (?:week|day)|100% free",
          "^\\s*(?:\\[adv\\]|adv\\s*:)",
          "\\b(?:sie (?:haben|wurden) (?:\\p{L}+ )?gewonnen|vous avez gagn[e\u00e9])(?![\\p{L}])",
          "x",
          "(?<=dear )friend",
          "\\bmilli?on (?:.{1,25} thousand\\s*)?(?:u\\.?s\\.?d?)\\b",
          "\\b(?:in|to)\\b|ount|[|(]ew",
          "\\bw[a-z|]+(?:\\)|x)?");

  private static final String[] WORDS = {
    "verify",
    "VERIFY",
    "Your",
    "account",
    "password",
    "will",
    "expires",
    "sign",
    "in",
    "to",
    "view",
    "$",
    "5",
    "1,000",
    "per",
    "week",
    "100%",
    "FREE",
    "[ADV]",
    "adv:",
    "Sie",
    "haben",
    "Großes",
    "gewonnen",
    "VOUS",
    "AVEZ",
    "GAGNÉ",
    "gagnés",
    "x",
    "X",
    "dear",
    "friend",
    "million",
    "U.S.D",
    "usd",
    "thousand",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "é",
    "Ω",
    "日本",
    "İ"
  };

  @Test
  void findsWhatACaseInsensitivePatternFindsOnRandomTexts() {
    Random random = new Random(42);
    for (String regex : REGEXES) {
      CuePattern cue = CuePattern.compile(regex);
      Pattern reference = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      for (int t = 0; t < 3000; t++) {
        StringBuilder text = new StringBuilder();
        for (int w = random.nextInt(12); w >= 0; w--) {
          text.append(WORDS[random.nextInt(WORDS.length)]);
          if (random.nextBoolean()) {
            text.append(' ');
          }
        }
        String s = text.toString();
        assertThat(all(cue, s)).as("%s in \"%s\"", regex, s).isEqualTo(all(reference, s));
      }
    }
  }

  @Test
  void quotesTheMatchInTheTextsOwnCase() {
    CuePattern cue = CuePattern.compile("\\bverify your account\\b");

    assertThat(cue.find("Please VERIFY Your Account today")).isEqualTo("VERIFY Your Account");
  }

  @Test
  void findsAMatchThatIsTheTextsLastCharacter() {
    assertThat(CuePattern.compile("\\$").find("costs $")).isEqualTo("$");
    assertThat(CuePattern.compile("\\$").find("costs")).isNull();
  }

  @Test
  void distinctSkipsRepeatsThatDifferOnlyInCase() {
    CuePattern cue = CuePattern.compile("\\b(?:viagra|cialis|xxx)\\b");

    assertThat(cue.distinct("Viagra, VIAGRA, viagra and Cialis, xxx", 2))
        .containsExactly("Viagra", "Cialis");
  }

  @Test
  void refusesAPatternWithAnUpperCaseLetterButNotUpperCaseEscapes() {
    assertThatThrownBy(() -> CuePattern.compile("\\bU\\.S\\. dollars"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower case")
        .hasMessageContaining("'U'");

    assertThat(CuePattern.compile("\\S\\W\\p{L}\\P{Lu}\\x{1D400}\\u034F\\uFEFF").toString())
        .isEqualTo("\\S\\W\\p{L}\\P{Lu}\\x{1D400}\\u034F\\uFEFF");
  }

  private static List<String> all(CuePattern cue, String text) {
    List<String> found = new ArrayList<>();
    CuePattern.Search s = cue.search(text);
    while (s.next()) {
      found.add(s.start() + ":" + s.group());
    }
    return found;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.start() + ":" + m.group());
    }
    return found;
  }
}
