package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomCodeTest {
  private static final String CODE = "7602iVSS8-080l12";

  @Test
  void shouldFindCodeOnTheLastLine() {
    assertThat(Content.randomCode("Lower your payments today.\nClick here.\n\n" + CODE + "\n"))
        .isEqualTo(CODE);
  }

  @Test
  void shouldFindBracketedCodeOpeningTheText() {
    assertThat(Content.randomCode("[" + CODE + "] The finest pictures on the web."))
        .isEqualTo(CODE);
  }

  @Test
  void shouldFindCodeAtTheEndOfALongBody() {
    String body = "Plain words of a long letter. ".repeat(200) + "\n" + CODE;

    assertThat(Content.randomCode(body)).isEqualTo(CODE);
  }

  @Test
  void shouldNotFindCodeInsideASentence() {
    assertThat(Content.randomCode("Hello,\nthe temporary code " + CODE + " expires tonight.\nBye"))
        .isNull();
  }

  @Test
  void shouldNotFindCodeInTheMiddleOfALongBody() {
    String filler = "Plain words of a long letter. ".repeat(50);

    assertThat(Content.randomCode(filler + "\n" + CODE + "\n" + filler)).isNull();
  }

  @Test
  void shouldNotTakeHalfOfALongTokenCutByTheReach() {
    // A base64 run cut by the window's edge would leave a short mixed-case piece behind.
    String base64 = "iQA/AwUBPWQpnIHmA/TOOP95EQLE6gCcDlPEdah2rBmwTNUixPi4aung3g8AoJTK";
    String body = base64 + "\n" + "Plain words of a long letter. ".repeat(40) + "\n" + base64;

    assertThat(Content.randomCode(body)).isNull();
  }

  @Test
  void shouldNotTakeCodesPeopleSendForHashBusters() {
    assertThat(Content.randomCode("Your key:\nH7K2P-9QX4M-T3R8W-J6V2B")).isNull();
    assertThat(Content.randomCode("Quoted:\n<E17tS0T-0001zD-00@mail.example.org>")).isNull();
    assertThat(Content.randomCode("Checksum:\n0xD5C7B5D9")).isNull();
    assertThat(Content.randomCode("Part:\nPEG-T615C")).isNull();
    assertThat(Content.randomCode("Signed:\nkdpz0NbECR2OS7PJoLY9lsPKgNshpJcDZIRsxJvXmfp5"))
        .isNull();
  }

  @Test
  void shouldFindLetterMashOnTheLastLine() {
    assertThat(Content.randomCode("See you soon baby,\n-Tiffany\nkludlkaiplcqcnnaigaybaxhesr"))
        .isEqualTo("kludlkaiplcqcnnaigaybaxhesr");
  }

  @Test
  void shouldNotTakeLongWordsForLetterMash() {
    assertThat(Content.randomCode("Thanks for the patch.\nstraightforwardly")).isNull();
    assertThat(Content.randomCode("See the notes on\ninternationalization")).isNull();
    assertThat(Content.randomCode("A word of eleven:\nbcdfghjklmn")).isNull();
  }

  @Test
  void shouldNotTakeEncodedRunsForLetterMash() {
    String run = "rvultlggfimwpvpdpbljywmclrotlmosbvpulpcknncttnsradjpbnvvnqcugnw";

    assertThat(Content.randomCode("Read the message:\n" + run)).isNull();
  }

  @Test
  void shouldTakeDigitsCapitalsAndMashPaddedOntoASubjectForCodes() {
    assertThat(Content.paddedCode("22311")).isTrue();
    assertThat(Content.paddedCode("BSJMCOIK")).isTrue();
    assertThat(Content.paddedCode("qkdjtqsscr")).isTrue();
    assertThat(Content.paddedCode("[c2971x]")).isFalse();
  }

  @Test
  void shouldNotTakeWordsPaddedOntoASubjectForCodes() {
    assertThat(Content.paddedCode("orbad?")).isFalse();
    assertThat(Content.paddedCode("FYI")).isFalse();
    assertThat(Content.paddedCode("tomorrow")).isFalse();
    assertThat(Content.paddedCode(null)).isFalse();
  }
}
