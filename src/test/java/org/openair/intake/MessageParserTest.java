package org.openair.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.openair.domain.Attachment;
import org.openair.domain.AuthResult;
import org.openair.domain.Direction;
import org.openair.domain.Link;
import org.openair.domain.Message;
import org.openair.domain.Organisation;

class MessageParserTest {
  private static final Organisation CORP =
      new Organisation(Set.of("corp.example"), Set.of(), Set.of(), Set.of());

  private final MessageParser parser = new MessageParser();

  private static byte[] eml(String name) {
    try (InputStream in = MessageParserTest.class.getResourceAsStream("/eml/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ParsedMessage parse(String fixture) {
    return parser.parse("m1", eml(fixture), CORP);
  }

  private static Link link(ParsedMessage parsed, String url) {
    return parsed.links().stream()
        .filter(l -> l.getUrl().equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link " + url + " in " + parsed.links()));
  }

  @Test
  void linkTextShowingOneHostButGoingToAnotherKeepsBoth() {
    Link link = link(parse("phish-html.eml"), "https://evil.example.net/login?a=1&b=2");

    assertThat(link.getHost()).isEqualTo("evil.example.net");
    assertThat(link.getRegistrableDomain()).isEqualTo("example.net");
    assertThat(link.getDisplayedText()).isEqualTo("https://www.paypal.com/signin");
    assertThat(link.getDisplayedHost()).isEqualTo("www.paypal.com");
    assertThat(link.getMessageId()).isEqualTo("m1");
  }

  @Test
  void userInfoTrickLinkGoesToTheHostAfterTheAtSign() {
    Link link = link(parse("phish-html.eml"), "http://paypal.com@evil.example/verify");

    assertThat(link.getHost()).isEqualTo("evil.example");
    assertThat(link.getDisplayedText()).isEqualTo("Verify now");
    assertThat(link.getDisplayedHost()).isNull();
  }

  @Test
  void internationalisedLinkHostIsPunycodeAndBareDomainTextIsItsDisplayedHost() {
    Link link = link(parse("phish-html.eml"), "https://раураl.com/x");

    assertThat(link.getHost()).isEqualTo("xn--l-7sba6dbr.com");
    assertThat(link.isPunycode()).isTrue();
    assertThat(link.getDisplayedHost()).isEqualTo("paypal.com");
  }

  @Test
  void formTargetsMetaRefreshAndUrlsWrittenInHtmlTextAreLinksButImagesAreNot() {
    ParsedMessage parsed = parse("phish-html.eml");

    assertThat(parsed.links())
        .extracting(Link::getUrl)
        .contains(
            "https://collect.example.ru/post",
            "https://refresh.example.com/go",
            "www.plain-in-html.example/help",
            "HTTPS://WWW.Example.CO.UK./path")
        .doesNotContain("https://tracker.example/pixel.gif");
    assertThat(link(parsed, "HTTPS://WWW.Example.CO.UK./path").getHost())
        .isEqualTo("www.example.co.uk");
  }

  @Test
  void picturesInsideWebLinksOfTheReadableHtmlAreCountedWithWhereTheyLead() {
    Message m = parse("linked-picture.eml").message();

    // Two pictures to offers-hub.net (one wrapped in a table) and one to the sender's own site;
    // not the tracking pixel, the mailto: and relative links, the bare picture or the attachment.
    assertThat(m.getLinkedImages()).isEqualTo(3);
    assertThat(m.getLinkedImageDomains()).containsExactly("offers-hub.net", "brand-shop.com");
    assertThat(m.getBodyText()).isEqualTo("Deals inside.");
  }

  @Test
  void htmlWithoutPicturesInLinksCountsNone() {
    Message m = parse("phish-html.eml").message();

    assertThat(m.getLinkedImages()).isZero();
    assertThat(m.getLinkedImageDomains()).isEmpty();
  }

  @Test
  void mailtoTelCidJavascriptAndFragmentLinksAreSkippedWithoutWarnings() {
    ParsedMessage parsed = parse("phish-html.eml");

    assertThat(parsed.links())
        .extracting(Link::getUrl)
        .noneMatch(u -> u.startsWith("mailto:") || u.startsWith("tel:"))
        .noneMatch(u -> u.startsWith("cid:") || u.startsWith("javascript:") || u.equals("#top"));
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void theSameLinkWithTheSameTextIsKeptOnce() {
    ParsedMessage parsed = parse("phish-html.eml");

    assertThat(parsed.links())
        .extracting(Link::getUrl, Link::getDisplayedText)
        .doesNotHaveDuplicates();
  }

  @Test
  void encodedSubjectAndDisplayNameAreDecoded() {
    Message m = parse("phish-html.eml").message();

    assertThat(m.getSubject()).isEqualTo("Your account is löcked – act now");
    assertThat(m.getSenderDisplayName()).isEqualTo("PāyPal Sécurité");
    assertThat(m.getSenderAddress()).isEqualTo("service@paypa1-secure.example");
    assertThat(m.getSenderDomain()).isEqualTo("paypa1-secure.example");
  }

  @Test
  void replyToReturnPathRecipientsMessageIdAndDateAreRead() {
    Message m = parse("phish-html.eml").message();

    assertThat(m.getReplyTo()).isEqualTo("collect@drop.example.ru");
    assertThat(m.getReplyToDomain()).isEqualTo("drop.example.ru");
    assertThat(m.getReturnPath()).isEqualTo("bounce@paypa1-secure.example");
    assertThat(m.getReturnPathDomain()).isEqualTo("paypa1-secure.example");
    assertThat(m.getRecipients()).containsExactly("alice@corp.example", "bob@partner.example");
    assertThat(m.getInternetMessageId()).isEqualTo("20240903.abc123@paypa1-secure.example");
    assertThat(m.getReceivedAt()).isEqualTo(Instant.parse("2024-09-03T09:14:55Z"));
    assertThat(m.getId()).isEqualTo("m1");
    assertThat(m.getSize()).isEqualTo(eml("phish-html.eml").length);
  }

  @Test
  void failedAuthenticationIsReadFromTheTopMostAuthenticationResults() {
    Message m = parse("phish-html.eml").message();

    // A lower Authentication-Results and the ARC header claim pass; neither is the receiver's.
    assertThat(m.getSpf()).isEqualTo(AuthResult.FAIL);
    assertThat(m.getDkim()).isEqualTo(AuthResult.FAIL);
    assertThat(m.getDmarc()).isEqualTo(AuthResult.FAIL);
    assertThat(m.getCompauth()).isEqualTo(AuthResult.FAIL);
    assertThat(m.getSenderIp()).isEqualTo("198.51.100.7");
  }

  @Test
  void resultsFromTheReceiversOtherHeadersCountButASendersHeaderLowerDownDoesNot() {
    String raw =
        """
        Authentication-Results: mx.corp.example; spf=softfail smtp.mailfrom=x.example
        Authentication-Results: mx.corp.example; dmarc=fail (p=reject) header.from=x.example
        Authentication-Results: forged.example; dkim=pass header.d=x.example; compauth=pass
        From: a@x.example

        body
        """;
    Message m = parser.parse("m", raw.getBytes(StandardCharsets.UTF_8), CORP).message();

    assertThat(m.getSpf()).isEqualTo(AuthResult.SOFTFAIL);
    assertThat(m.getDmarc()).isEqualTo(AuthResult.FAIL);
    assertThat(m.getDkim()).isEqualTo(AuthResult.MISSING);
    assertThat(m.getCompauth()).isEqualTo(AuthResult.MISSING);
  }

  @Test
  void externalSenderToInternalRecipientIsInbound() {
    assertThat(parse("phish-html.eml").message().getDirection()).isEqualTo(Direction.INBOUND);
  }

  @Test
  void receivedSpfGivesTheSpfResultAndClientIp() {
    Message m = parse("received-spf.eml").message();

    assertThat(m.getSpf()).isEqualTo(AuthResult.SOFTFAIL);
    assertThat(m.getDkim()).isEqualTo(AuthResult.MISSING);
    assertThat(m.getSenderIp()).isEqualTo("203.0.113.50");
  }

  @Test
  void plainTextLinksLoseTrailingPunctuationButKeepBalancedParentheses() {
    ParsedMessage parsed = parse("received-spf.eml");

    assertThat(parsed.links())
        .extracting(Link::getUrl, Link::getDisplayedText)
        .containsExactly(
            tuple("https://news.sender.example/issue/42", null),
            tuple("https://en.example.org/wiki/Foo_(bar)", null));
  }

  @Test
  void withoutAnAuthHeaderTheSenderIpIsTheFirstPublicBracketedReceivedAddress() {
    Message m = parse("received-only.eml").message();

    assertThat(m.getSenderIp()).isEqualTo("198.51.100.99");
  }

  @Test
  void unreadableDateFallsBackToTheNewestReceivedTimestampWithAWarning() {
    ParsedMessage parsed = parse("received-only.eml");

    assertThat(parsed.message().getReceivedAt()).isEqualTo(Instant.parse("2024-09-05T08:00:10Z"));
    assertThat(parsed.warnings()).anyMatch(w -> w.contains("Date"));
  }

  @Test
  void withoutDateOrReceivedTheTimeIsUnknownNotNow() {
    byte[] raw = "From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse("m", raw, CORP).message().getReceivedAt()).isNull();
  }

  @Test
  void directionFollowsTheAcceptedDomains() {
    assertThat(MessageParser.direction("corp.example", List.of("x@corp.example"), CORP))
        .isEqualTo(Direction.INTRA_ORG);
    assertThat(
            MessageParser.direction(
                "mail.corp.example", List.of("x@corp.example", "y@other.example"), CORP))
        .isEqualTo(Direction.OUTBOUND);
    assertThat(MessageParser.direction("other.example", List.of("x@corp.example"), CORP))
        .isEqualTo(Direction.INBOUND);
    // Bcc'd phishing names no internal recipient, yet it came in from outside.
    assertThat(MessageParser.direction("other.example", List.of(), CORP))
        .isEqualTo(Direction.INBOUND);
    assertThat(
            MessageParser.direction(
                "corp.example", List.of("x@corp.example"), Organisation.empty()))
        .isEqualTo(Direction.UNKNOWN);
    assertThat(MessageParser.direction("corp.example", List.of(), null))
        .isEqualTo(Direction.UNKNOWN);
  }

  @Test
  void attachmentWhoseContentIsAnExecutableIsDetectedDespiteItsPdfName() {
    ParsedMessage parsed = parse("attachments.eml");
    Attachment invoice =
        parsed.attachments().stream()
            .filter(a -> "invoice.pdf".equals(a.getFileName()))
            .findFirst()
            .orElseThrow();

    assertThat(invoice.getExtension()).isEqualTo("pdf");
    assertThat(invoice.getDeclaredType()).isEqualTo("application/pdf");
    assertThat(invoice.getDetectedType()).isEqualTo("application/x-msdownload");
    assertThat(invoice.getSize()).isEqualTo(432);
    assertThat(invoice.getSha256()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void attachmentNamesInEncodedWordsAndRfc2231AreDecoded() {
    assertThat(parse("attachments.eml").attachments())
        .extracting(
            Attachment::getFileName, Attachment::getDeclaredType, Attachment::getDetectedType)
        .contains(
            tuple("Résumé.pdf", "application/pdf", "application/pdf"),
            tuple("€-report.pdf", "application/octet-stream", "application/pdf"));
  }

  @Test
  void inlineImagesAreAttachmentsAndHtmlAttachmentsGiveTheirLinks() {
    ParsedMessage parsed = parse("attachments.eml");

    assertThat(parsed.attachments())
        .extracting(Attachment::getDeclaredType)
        .containsExactly(
            "image/png",
            "application/pdf",
            "application/pdf",
            "application/octet-stream",
            "text/html");
    assertThat(parsed.links())
        .extracting(Link::getUrl)
        .containsExactly("https://harvest.example/pw");
    // The attachment's text is not the message's text.
    assertThat(parsed.message().getBodyText()).isEqualTo("Please find the invoice attached.");
  }

  @Test
  void sha256IsOfTheDecodedContent() {
    ParsedMessage parsed = parse("attachments.eml");
    Attachment resume =
        parsed.attachments().stream()
            .filter(a -> "Résumé.pdf".equals(a.getFileName()))
            .findFirst()
            .orElseThrow();
    String pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

    assertThat(resume.getSha256())
        .isEqualTo(Hashing.sha256().hashString(pdf, StandardCharsets.US_ASCII).toString());
  }

  @Test
  void nestedMessageContentCountsForTheOuterMessageButItsHeadersDoNot() {
    ParsedMessage parsed = parse("nested.eml");
    Message m = parsed.message();

    assertThat(m.getSenderAddress()).isEqualTo("grace@corp.example");
    assertThat(m.getSubject()).isEqualTo("Fwd: suspicious");
    assertThat(m.getInternetMessageId()).isEqualTo("outer-1@corp.example");
    assertThat(m.getSpf()).isEqualTo(AuthResult.MISSING);
    assertThat(m.getSenderIp()).isNull();
    assertThat(parsed.links())
        .extracting(Link::getUrl)
        .containsExactly("https://inner-link.example/pay");
    assertThat(parsed.attachments())
        .extracting(Attachment::getFileName, Attachment::getDeclaredType)
        .containsExactly(
            tuple("suspicious.eml", "message/rfc822"), tuple("payment.zip", "application/zip"));
    assertThat(m.getBodyText()).contains("Please look at the attached message.", "Pay now");
  }

  @Test
  void badlyBrokenMimeStillGivesItsHeadersAndWhatCanBeRead() {
    ParsedMessage parsed = parse("broken.eml");
    Message m = parsed.message();

    assertThat(m.getSenderAddress()).isEqualTo("broken@junk.example");
    assertThat(m.getSenderDisplayName()).isEqualTo("Broken Sender");
    assertThat(m.getSubject()).isEqualTo("still readable");
    assertThat(m.getReceivedAt()).isEqualTo(Instant.parse("2024-09-10T01:02:00Z"));
    assertThat(m.getSenderIp()).isEqualTo("198.51.100.77");
    assertThat(parsed.links()).extracting(Link::getUrl).contains("https://still-found.example/x");
    assertThat(m.getBodyText()).doesNotContain("\u0000");
  }

  @Test
  void emptyAndNullInputGiveAnEmptyMessageWithAWarning() {
    for (byte[] raw : new byte[][] {new byte[0], null}) {
      ParsedMessage parsed = parser.parse("empty", raw, CORP);

      assertThat(parsed.message().getId()).isEqualTo("empty");
      assertThat(parsed.message().getSize()).isZero();
      assertThat(parsed.message().getDirection()).isEqualTo(Direction.UNKNOWN);
      assertThat(parsed.links()).isEmpty();
      assertThat(parsed.attachments()).isEmpty();
      assertThat(parsed.warnings()).containsExactly("empty message");
    }
  }

  @Test
  void randomBytesAndTruncatedMessagesNeverThrow() {
    Random random = new Random(42);
    byte[] good = eml("attachments.eml");
    for (int i = 0; i < 200; i++) {
      byte[] junk = new byte[random.nextInt(4096)];
      random.nextBytes(junk);
      assertThat(parser.parse("r" + i, junk, CORP)).isNotNull();
      byte[] cut = Arrays.copyOf(good, random.nextInt(good.length));
      assertThat(parser.parse("c" + i, cut, null).message().getSize()).isEqualTo(cut.length);
    }
  }

  @Test
  void bodyTextLinksAndNestingAreCapped() {
    StringBuilder raw = new StringBuilder("From: a@b.example\r\nContent-Type: text/plain\r\n\r\n");
    for (int i = 0; i < 2_000; i++) {
      raw.append("https://h").append(i).append(".example/ filler text to make the body long\r\n");
    }
    ParsedMessage parsed =
        parser.parse("big", raw.toString().getBytes(StandardCharsets.UTF_8), CORP);

    assertThat(parsed.links()).hasSize(Findings.MAX_LINKS);
    assertThat(parsed.message().getBodyText()).hasSizeLessThanOrEqualTo(Findings.MAX_BODY_CHARS);
    assertThat(parsed.warnings()).anyMatch(w -> w.contains("links"));

    StringBuilder nested = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      nested
          .append("From: n")
          .append(i)
          .append("@x.example\r\nContent-Type: message/rfc822\r\n\r\n");
    }
    nested.append("From: deepest@x.example\r\n\r\nhttps://deep.example/\r\n");
    ParsedMessage deep =
        parser.parse("deep", nested.toString().getBytes(StandardCharsets.UTF_8), CORP);

    assertThat(deep.message().getSenderAddress()).isEqualTo("n0@x.example");
    assertThat(deep.links()).isEmpty();
    assertThat(deep.warnings()).anyMatch(w -> w.contains("nested"));
  }

  @Test
  void koreanDeclaredAsKsC5601DecodesWithWindows949Syllables() {
    ParsedMessage parsed = parse("charset-ks-c-5601.eml");

    assertThat(parsed.message().getBodyText()).contains("안녕하세요 햏 신선한 촛불파티에 초대합니다");
    assertThat(parsed.message().getSubject()).isEqualTo("신선한 촛불파티에 초대합니다");
    assertThat(parsed.message().getBodyText()).doesNotContain("\uFFFD");
  }

  @Test
  void undeclaredEightBitShiftJisIsDetected() {
    ParsedMessage parsed = parse("charset-undeclared-sjis.eml");

    assertThat(parsed.message().getBodyText()).contains("お得な情報をお届けします。");
  }

  private Message withFrom(String from) {
    String eml = "From: " + from + "\r\nTo: alice@corp.example\r\nSubject: s\r\n\r\nbody\r\n";
    return parser.parse("m1", eml.getBytes(StandardCharsets.UTF_8), CORP).message();
  }

  private Message withHtml(String html) {
    return parsedHtml(html).message();
  }

  private ParsedMessage parsedHtml(String html) {
    String eml =
        "From: news@shop.example\r\nTo: alice@corp.example\r\nSubject: s\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n\r\n"
            + html;
    return parser.parse("m1", eml.getBytes(StandardCharsets.UTF_8), CORP);
  }

  @Test
  void aFormInsideATableAskingForNamePhoneAndCityCollectsContactDetails() {
    ParsedMessage p =
        parsedHtml(
            "<table><tr><td>Offer</td></tr>"
                + "<form method=\"post\" action=\"http://192.0.2.80/response.asp\">"
                + "<tr><td><input type=\"text\" name=\"contactname\"></td></tr>"
                + "<tr><td><input type=\"text\" name=\"phone\"></td></tr>"
                + "<tr><td><input type=\"text\" name=\"city\"></td></tr>"
                + "<tr><td><input type=\"hidden\" name=\"password\" value=\"x\"></td></tr>"
                + "</form></table>");

    assertThat(p.message().getContactForm())
        .isEqualTo("name, phone, address to http://192.0.2.80/response.asp");
    assertThat(p.links()).singleElement().extracting(Link::getForm).isEqualTo("no-secret");
  }

  @Test
  void aFormAskingForAPasswordOrACardNumberAsksForASecretAndCollectsNoContactDetails() {
    ParsedMessage password =
        parsedHtml(
            "<form action=\"http://192.0.2.80/login.php\"><input name=\"fullname\">"
                + "<input name=\"phone\"><input type=\"password\" name=\"p\"></form>");
    ParsedMessage card =
        parsedHtml(
            "<form action=\"https://pay.example/charge\"><input name=\"name\">"
                + "<input name=\"address\"><input name=\"card_number\"></form>");

    assertThat(password.message().getContactForm()).isNull();
    assertThat(password.links()).singleElement().extracting(Link::getForm).isEqualTo("secret");
    assertThat(card.message().getContactForm()).isNull();
    assertThat(card.links()).singleElement().extracting(Link::getForm).isEqualTo("secret");
  }

  @Test
  void aSearchBoxAndASubscribeFormCollectNoContactDetails() {
    ParsedMessage p =
        parsedHtml(
            "<form action=\"https://search.example/find\"><input name=\"q\"></form>"
                + "<form action=\"https://news.example/join\"><input name=\"email\">"
                + "<input name=\"first_name\"></form><a href=\"https://news.example/\">home</a>");

    assertThat(p.message().getContactForm()).isNull();
    assertThat(p.links())
        .extracting(Link::getUrl, Link::getForm)
        .containsExactly(
            tuple("https://search.example/find", "no-secret"),
            tuple("https://news.example/join", "no-secret"),
            tuple("https://news.example/", null));
  }

  private static final String COPIED_TEXT =
      "<p>Thank you for subscribing to our newsletter. This week: the reading club, new opening"
          + " hours and the story hour on Saturday.</p>";

  @Test
  void textPushedFarDownByAClassMarginIsHidden() {
    Message m =
        withHtml(
            "<style>.belowView { margin-top: 470500px; /* out of sight */ }</style>"
                + "<a href=\"https://lure.example/\"><img src=\"https://cdn.example/a.png\"></a>"
                + "<div class=\"belowView\">"
                + COPIED_TEXT
                + "</div>");

    assertThat(m.getHiddenContent()).contains("470500px").contains("margin-top of div.belowView");
  }

  @Test
  void textAfterAnEmptyBlockScreensTallIsHidden() {
    assertThat(
            withHtml(
                    "<img src=\"https://cdn.example/a.png\"><p style=\"height: 1201px;\"></p>"
                        + COPIED_TEXT)
                .getHiddenContent())
        .contains("height of an empty p");
    assertThat(
            withHtml(
                    "<style>.wrapper { height: 10000vh; }</style><div class=\"wrapper\"></div>"
                        + COPIED_TEXT)
                .getHiddenContent())
        .contains("10000vh");
  }

  @Test
  void tallPicturesSmallSpacersAndATallBlockWithNothingAfterItHideNothing() {
    assertThat(
            withHtml(
                    "<img src=\"https://cdn.example/poster.jpg\" style=\"height:1400px\">"
                        + "<div style=\"height: 1200px; background: url('https://cdn.example/m.png')\">"
                        + "</div><div style=\"height:40px\"></div><div style=\"display:none\">pre</div>"
                        + COPIED_TEXT)
                .getHiddenContent())
        .isNull();
    assertThat(withHtml(COPIED_TEXT + "<div style=\"height: 3000px\"></div>").getHiddenContent())
        .isNull();
  }

  @Test
  void aPictureDrawnAsTheBackgroundOfALinkOrAsAnImageButtonCountsAsALinkedPicture() {
    Message m =
        withHtml(
            "<a href=\"https://lure.example/a\"><div style=\"width: 640px; height: 1138px;"
                + " background: url('https://cdn.example/offer.png') no-repeat;"
                + " text-indent: -9999px\"></div></a>"
                + "<a href=\"https://lure.example/b\"><input type=\"image\""
                + " src=\"https://cdn.example/b.png\"></a>");

    assertThat(m.getLinkedImages()).isEqualTo(2);
    assertThat(m.getLinkedImageDomains()).containsExactly("lure.example");
  }

  @Test
  void aBackgroundOutsideALinkOrShrunkToAPixelIsNoLinkedPicture() {
    Message m =
        withHtml(
            "<div style=\"background:url('https://cdn.example/texture.png')\">Hello</div>"
                + "<a href=\"https://shop.example/\"><div style=\"background:url('https://t.example/o')"
                + "; height: 0px; width: 0px;\"></div></a>");

    assertThat(m.getLinkedImages()).isZero();
  }

  @Test
  void moreTextSwitchedOffThanShownIsHidden() {
    String story = COPIED_TEXT.repeat(3);
    assertThat(
            withHtml(
                    "<style>q { display: none }</style><a href=\"https://lure.example/\">Win</a><q>"
                        + story
                        + "</q>")
                .getHiddenContent())
        .contains("every q element");
    assertThat(
            withHtml("<div style=\"display:none\">" + story + "</div><p>Hi</p>").getHiddenContent())
        .contains("inline style");
  }

  @Test
  void aHiddenPreviewLineOrBlocksSwitchedForSmallScreensHideNothing() {
    assertThat(
            withHtml(
                    "<style>@media (max-width: 600px) { .desktop { display: none } }</style>"
                        + "<span style=\"display:none\">The reading club is back this week.</span>"
                        + "<div class=\"desktop\">"
                        + COPIED_TEXT.repeat(3)
                        + "</div>"
                        + COPIED_TEXT)
                .getHiddenContent())
        .isNull();
  }

  @Test
  void styleRulesAfterAMediaBlockOrACommentAreStillRead() {
    assertThat(
            withHtml(
                    "<style>@media (max-width: 600px) { .a { color: red } } /* note */"
                        + " .belowView { margin-top: 5000px }</style><div class=\"belowView\">"
                        + COPIED_TEXT
                        + "</div>")
                .getHiddenContent())
        .contains("div.belowView");
    assertThat(
            withHtml("<style>" + "f04e182f+375e+1df9\n".repeat(500) + "</style>" + COPIED_TEXT)
                .getHiddenContent())
        .isNull();
  }

  @Test
  void fromWithItsNameSetApartByACommaShowsThatNameAndIsAnAnomaly() {
    Message m = withFrom("\"DPD@parcel.example\", <service@relay.example>");

    assertThat(m.getSenderAddress()).isEqualTo("service@relay.example");
    assertThat(m.getSenderDisplayName()).isEqualTo("DPD@parcel.example");
    assertThat(m.getSenderAnomaly()).contains("apart from the address");
  }

  @Test
  void aDetachedNameComesBeforeTheMailboxsOwnName() {
    assertThat(withFrom("Singles nearby, jehd <service@relay.example>").getSenderDisplayName())
        .isEqualTo("Singles nearby, jehd");
  }

  @Test
  void fillerNameAfterADetachedNameGivesWayToIt() {
    Message m = withFrom("Account team ,_<no-reply@relay.example>");

    assertThat(m.getSenderDisplayName()).isEqualTo("Account team");
    assertThat(m.getSenderAnomaly()).isNotNull();
  }

  @Test
  void fromNamingSeveralSendersOrOnlyACommentedAddressIsAnAnomaly() {
    assertThat(withFrom("a@one.example, b@two.example").getSenderAnomaly())
        .isEqualTo("it names 2 senders");
    Message commented = withFrom("Hurry up!,(<service@shop.example>)");
    assertThat(commented.getSenderAddress()).isEqualTo("service@shop.example");
    assertThat(commented.getSenderAnomaly()).contains("no well-formed address");
  }

  @Test
  void plainFromHeadersAreNoAnomaly() {
    for (String from :
        List.of(
            "\"Doe, Jane\" <jane@supplier.example>",
            "Jane Doe <jane@supplier.example>",
            "jane@supplier.example (Jane Doe)",
            "=?UTF-8?B?SmFuZSBEb2U=?= <jane@supplier.example>")) {
      assertThat(withFrom(from).getSenderAnomaly()).as(from).isNull();
    }
  }

  private static byte[] pdfWithLink(String uri) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDActionURI action = new PDActionURI();
      action.setURI(uri);
      PDAnnotationLink link = new PDAnnotationLink();
      link.setRectangle(new PDRectangle(50, 700, 200, 20));
      link.setAction(action);
      page.getAnnotations().add(link);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private ParsedMessage withAttachment(String type, String name, byte[] content) {
    String eml =
        "From: billing@vendor.example\r\nTo: alice@corp.example\r\nSubject: Invoice\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nSee the attached document.\r\n"
            + "--b\r\nContent-Type: "
            + type
            + "\r\nContent-Disposition: attachment; filename="
            + name
            + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(content)
            + "\r\n--b--\r\n";
    return parser.parse("m1", eml.getBytes(StandardCharsets.US_ASCII), CORP);
  }

  @Test
  void linksOfAPdfAttachmentAreLinksOfTheMessage() throws IOException {
    ParsedMessage parsed =
        withAttachment(
            "application/octet-stream", "statement.pdf", pdfWithLink("https://bit.ly/3abcdef"));

    assertThat(parsed.attachments())
        .extracting(Attachment::getDetectedType)
        .containsExactly("application/pdf");
    assertThat(link(parsed, "https://bit.ly/3abcdef").getHost()).isEqualTo("bit.ly");
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void aBrokenPdfGivesAWarningAndTheRestOfTheMessage() {
    byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n".getBytes(StandardCharsets.US_ASCII);

    ParsedMessage parsed = withAttachment("application/pdf", "broken.pdf", broken);

    assertThat(parsed.links()).isEmpty();
    assertThat(parsed.attachments()).hasSize(1);
    assertThat(parsed.message().getBodyText()).contains("See the attached document");
    assertThat(parsed.warnings()).anyMatch(w -> w.contains("broken.pdf could not be read"));
  }

  @Test
  void eightBitSubjectIsReadInTheCharsetOfTheFirstTextPart() {
    ParsedMessage parsed = parse("charset-8bit-subject-gb2312.eml");

    assertThat(parsed.message().getSubject()).isEqualTo("如果你是AB型血型，又是一个愿捐骨髓者，请联系我们。");
    assertThat(parsed.message().getBodyText()).contains("又是一个愿捐骨髓者");
  }

  @Test
  void latin1LabelKeepsWindows1252QuotesInBodyAndEncodedWords() {
    ParsedMessage parsed = parse("charset-latin1-smart-quotes.eml");

    assertThat(parsed.message().getBodyText()).contains("It\u2019s \u201cfree\u201d \u2013 café");
    assertThat(parsed.message().getSubject()).isEqualTo("Parhelia\u2122 now");
  }

  @Test
  void validUtf8HtmlWinsOverAOneByteMimeLabel() {
    ParsedMessage parsed = parse("charset-meta-contradicts.eml");

    assertThat(parsed.message().getBodyText())
        .contains("Bitte bestätigen Sie Ihr Konto – Überprüfung");
  }

  @Test
  void unknownCharsetStillGivesTextLinksAndAWarning() {
    ParsedMessage parsed = parse("charset-unknown.eml");

    assertThat(parsed.message().getBodyText()).contains("click");
    assertThat(parsed.links()).extracting(Link::getHost).contains("unknown-charset.example");
    assertThat(parsed.warnings()).anyMatch(w -> w.contains("x-no-such-charset"));
  }

  @Test
  void randomBytesUnderEveryAsianLabelNeverThrow() {
    Random random = new Random(7);
    for (String label :
        List.of("ks_c_5601-1987", "gb2312", "x-euc-tw", "iso-2022-jp", "big5", "utf-16", "")) {
      byte[] noise = new byte[4096];
      random.nextBytes(noise);
      String head =
          "From: a@b.example\r\nSubject: =?"
              + (label.isEmpty() ? "x" : label)
              + "?B?ZZZ=?=\r\nContent-Type: text/html; charset="
              + label
              + "\r\n\r\n";
      byte[] raw = new byte[head.length() + noise.length];
      System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, raw, 0, head.length());
      System.arraycopy(noise, 0, raw, head.length(), noise.length);

      ParsedMessage parsed = parser.parse("noise", raw, CORP);

      assertThat(parsed.message().getBodyText()).as(label).isNotNull();
    }
  }
}
