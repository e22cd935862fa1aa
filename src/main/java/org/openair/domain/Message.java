package org.openair.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The metadata of one message, parsed once at intake. One message may have several {@link Delivery
 * deliveries} (copies in mailboxes). Facts are filled by Java before insertion and never changed by
 * rules.
 */
public class Message {
  private static final String NONE = new String("");
  private static final int CUE_REACH = 16_000;
  private String id;
  private String internetMessageId;
  private String senderAddress;
  private String senderMailbox;
  private String senderDisplayName;
  private String senderDomain;
  private String senderAnomaly;
  private String hiddenContent;
  private String contactForm;
  private String replyTo;
  private String replyToDomain;
  private String returnPath;
  private String returnPathDomain;
  private List<String> recipients = List.of();
  private String subject;
  private Instant receivedAt;
  private Direction direction = Direction.UNKNOWN;
  private String senderIp;
  private AuthResult spf = AuthResult.MISSING;
  private AuthResult dkim = AuthResult.MISSING;
  private AuthResult dmarc = AuthResult.MISSING;
  private AuthResult compauth = AuthResult.MISSING;
  private String bodyText = "";
  private long size;
  private int linkedImages;
  private List<String> linkedImageDomains = List.of();
  // Content cues are looked at by several rules; each is computed once per message.
  private final Map<String, String> cues = new ConcurrentHashMap<>();

  // Lower-cased once, dropped with the cues when the subject or body changes.
  private CuePattern.Text subjectText;
  private CuePattern.Text cueText;
  private CuePattern.Text wholeText;

  public String getId() {
    return id;
  }

  public Message setId(String id) {
    this.id = id;
    return this;
  }

  /** The Message-ID header without angle brackets, or null when the message had none. */
  public String getInternetMessageId() {
    return internetMessageId;
  }

  public Message setInternetMessageId(String internetMessageId) {
    this.internetMessageId = internetMessageId;
    return this;
  }

  /** The From address, lower case. */
  public String getSenderAddress() {
    return senderAddress;
  }

  public Message setSenderAddress(String senderAddress) {
    this.senderAddress = lower(senderAddress);
    this.senderMailbox = localPart(senderAddress);
    return this;
  }

  /**
   * The sender address's part before the "@" as the message wrote it, capitals kept: the address
   * itself is compared in lower case, but how a name was written can give a generated one away.
   */
  public String getSenderMailbox() {
    return senderMailbox;
  }

  /** Sets the mailbox part as written; null keeps the one taken from the address. */
  public Message setSenderMailbox(String senderMailbox) {
    if (senderMailbox != null) {
      this.senderMailbox = senderMailbox;
    }
    return this;
  }

  private static String localPart(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? address.strip() : address.substring(0, at).strip();
  }

  public String getSenderDisplayName() {
    return senderDisplayName;
  }

  public Message setSenderDisplayName(String senderDisplayName) {
    this.senderDisplayName = senderDisplayName;
    return this;
  }

  /**
   * What is wrong with how the From header is built (a name set apart from the address, several
   * addresses, no well-formed address), in words; null when it is one plain mailbox or unknown.
   */
  public String getSenderAnomaly() {
    return senderAnomaly;
  }

  public Message setSenderAnomaly(String senderAnomaly) {
    this.senderAnomaly = senderAnomaly;
    return this;
  }

  /**
   * How the HTML body keeps text out of the reader's view while filters still read it (text pushed
   * thousands of pixels down), in words; null when it does not or when only metadata was seen.
   */
  public String getHiddenContent() {
    return hiddenContent;
  }

  public Message setHiddenContent(String hiddenContent) {
    this.hiddenContent = hiddenContent;
    return this;
  }

  /**
   * What the first form of the HTML body that asks for contact details (a name with a phone number,
   * a postal address or a company, and no secret) asks, and where it posts, in words; null when the
   * body has no such form.
   */
  public String getContactForm() {
    return contactForm;
  }

  public Message setContactForm(String contactForm) {
    this.contactForm = contactForm;
    return this;
  }

  /** The domain of the From address, lower case, IDN in Unicode form as written. */
  public String getSenderDomain() {
    return senderDomain;
  }

  public Message setSenderDomain(String senderDomain) {
    this.senderDomain = lower(senderDomain);
    return this;
  }

  public String getReplyTo() {
    return replyTo;
  }

  public Message setReplyTo(String replyTo) {
    this.replyTo = lower(replyTo);
    return this;
  }

  public String getReplyToDomain() {
    return replyToDomain;
  }

  public Message setReplyToDomain(String replyToDomain) {
    this.replyToDomain = lower(replyToDomain);
    return this;
  }

  /** The envelope sender (Return-Path), lower case, or null. */
  public String getReturnPath() {
    return returnPath;
  }

  public Message setReturnPath(String returnPath) {
    this.returnPath = lower(returnPath);
    return this;
  }

  public String getReturnPathDomain() {
    return returnPathDomain;
  }

  public Message setReturnPathDomain(String returnPathDomain) {
    this.returnPathDomain = lower(returnPathDomain);
    return this;
  }

  /** To and Cc addresses, lower case. */
  public List<String> getRecipients() {
    return recipients;
  }

  public Message setRecipients(List<String> recipients) {
    this.recipients = recipients == null ? List.of() : List.copyOf(recipients);
    forgetCues();
    return this;
  }

  public String getSubject() {
    return subject;
  }

  public Message setSubject(String subject) {
    this.subject = subject;
    forgetCues();
    return this;
  }

  /**
   * The subject with reply and forward prefixes, case and runs of white space removed, so that
   * copies of one campaign compare equal.
   */
  public String getNormalizedSubject() {
    return normalizeSubject(subject);
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Message setReceivedAt(Instant receivedAt) {
    this.receivedAt = receivedAt;
    return this;
  }

  public Direction getDirection() {
    return direction;
  }

  public Message setDirection(Direction direction) {
    this.direction = direction == null ? Direction.UNKNOWN : direction;
    return this;
  }

  /** The IP address of the server that handed the message to the organisation, or null. */
  public String getSenderIp() {
    return senderIp;
  }

  public Message setSenderIp(String senderIp) {
    this.senderIp = senderIp;
    return this;
  }

  public AuthResult getSpf() {
    return spf;
  }

  public Message setSpf(AuthResult spf) {
    this.spf = spf == null ? AuthResult.MISSING : spf;
    return this;
  }

  public AuthResult getDkim() {
    return dkim;
  }

  public Message setDkim(AuthResult dkim) {
    this.dkim = dkim == null ? AuthResult.MISSING : dkim;
    return this;
  }

  public AuthResult getDmarc() {
    return dmarc;
  }

  public Message setDmarc(AuthResult dmarc) {
    this.dmarc = dmarc == null ? AuthResult.MISSING : dmarc;
    return this;
  }

  /** Microsoft's composite authentication result, where the message carries one. */
  public AuthResult getCompauth() {
    return compauth;
  }

  public Message setCompauth(AuthResult compauth) {
    this.compauth = compauth == null ? AuthResult.MISSING : compauth;
    return this;
  }

  /**
   * The readable text of the message (text parts, and HTML parts reduced to text), capped at intake
   * so that content rules stay cheap.
   */
  public String getBodyText() {
    return bodyText;
  }

  public Message setBodyText(String bodyText) {
    this.bodyText = bodyText == null ? "" : bodyText;
    forgetCues();
    return this;
  }

  /**
   * How many pictures of the message's HTML body are links to web pages (an {@code <img>} inside an
   * {@code <a href="http...">}); open-tracking pixels are not counted.
   */
  public int getLinkedImages() {
    return linkedImages;
  }

  public Message setLinkedImages(int linkedImages) {
    this.linkedImages = Math.max(0, linkedImages);
    return this;
  }

  /** The registrable domains the linked pictures lead to, lower case, each once, as found. */
  public List<String> getLinkedImageDomains() {
    return linkedImageDomains;
  }

  public Message setLinkedImageDomains(List<String> linkedImageDomains) {
    this.linkedImageDomains =
        linkedImageDomains == null
            ? List.of()
            : linkedImageDomains.stream()
                .map(Message::lower)
                .filter(d -> d != null && !d.isEmpty())
                .distinct()
                .toList();
    return this;
  }

  /**
   * Sets {@link #getLinkedImages} and {@link #getLinkedImageDomains} from the links pictures sit
   * in, one per picture, for messages described by their metadata rather than parsed.
   */
  public Message setLinkedImagesFrom(List<Link> pictureLinks) {
    setLinkedImages(pictureLinks.size());
    return setLinkedImageDomains(
        pictureLinks.stream().map(Link::getRegistrableDomain).filter(d -> d != null).toList());
  }

  /** {@link Content#credentialRequest} of the subject, else of the body; null when none. */
  public String getCredentialCue() {
    return cue("credentials", Content::credentialRequest);
  }

  /** {@link Content#urgency} of the subject, else of the body. */
  public String getUrgencyCue() {
    return cue("urgency", Content::urgency);
  }

  /** {@link Content#paymentRequest} of the body. */
  public String getPaymentCue() {
    return bodyCue("payment", Content::paymentRequest);
  }

  /** {@link Content#giftCards} of the body. */
  public String getGiftCardCue() {
    return bodyCue("gift", Content::giftCards);
  }

  /** {@link Content#becOpener} of the body. */
  public String getBecCue() {
    return bodyCue("bec", Content::becOpener);
  }

  /** {@link Content#addressGreeting} of the body for any recipient; null when none. */
  public String getAddressGreetingCue() {
    return bodyCue("greeting", text -> Content.addressGreeting(text, recipients));
  }

  /** {@link Content#cryptoLure} of the subject, else of the body. */
  public String getCryptoLureCue() {
    return cue("crypto", Content::cryptoLure);
  }

  /** {@link Content#callbackLure} of the body. */
  public String getCallbackCue() {
    return bodyCue("callback", Content::callbackLure);
  }

  /** {@link Content#governmentNotice} of the subject, else of the body. */
  public String getGovernmentNoticeCue() {
    return cue("government", Content::governmentNotice);
  }

  /** {@link Content#fundsToWithdraw} of the subject, else of the body. */
  public String getFundsToWithdrawCue() {
    return cue("withdraw", Content::fundsToWithdraw);
  }

  /** {@link Content#windfall} of the subject, else of the body. */
  public String getWindfallCue() {
    return cue("windfall", Content::windfall);
  }

  /** {@link Domains#freeMailAddressIn} of the body, the sender's own address left out. */
  public String getFreeMailContactCue() {
    return bodyCue("free-mail contact", text -> Domains.freeMailAddressIn(text, senderAddress));
  }

  /** {@link Content#accessForSale} of the body. */
  public String getAccessForSaleCue() {
    return bodyCue("access for sale", Content::accessForSale);
  }

  /** {@link Content#extortion} of the body. */
  public String getExtortionCue() {
    return bodyCue("extortion", Content::extortion);
  }

  /** {@link Content#lookAlikeLetters} of the body. */
  public String getLookAlikeLettersCue() {
    return bodyCue("look-alike", Content::lookAlikeLetters);
  }

  /** {@link Content#passwordGiven} of the body. */
  public String getPasswordCue() {
    return bodyCue("password", Content::passwordGiven);
  }

  /** {@link Content#moneyOffer} of the subject, else of the body. */
  public String getOfferCue() {
    return cue("offer", Content::moneyOffer);
  }

  /** {@link Content#unsubscribe} of the body: instructions for getting off a mailing list. */
  public String getRemovalCue() {
    return bodyCue("removal", Content::unsubscribe);
  }

  /** {@link Content#commercialPitch} of the subject, else of the body. */
  public String getCommercialPitchCue() {
    return cue("pitch", Content::commercialPitch);
  }

  /** {@link Content#notSpamClaim}, else {@link Content#unsubscribe}, of the body. */
  public String getBulkDisclaimerCue() {
    String claim = bodyCue("not-spam", Content::notSpamClaim);
    return claim != null ? claim : getRemovalCue();
  }

  /** {@link Content#bulkClaim} of the body. */
  public String getBulkClaimCue() {
    return bodyCue("bulk-claim", Content::bulkClaim);
  }

  /** {@link Content#scamLures} of the subject and body together. */
  public String getScamLureCue() {
    return wholeCue("lure", Content::scamLures);
  }

  /** {@link Content#adultOrHealthPitch} of the subject and body together. */
  public String getAdultOrHealthCue() {
    return wholeCue("adult-health", Content::adultOrHealthPitch);
  }

  /** {@link Content#salesPitch} of the subject and body together. */
  public String getSalesPitchCue() {
    return wholeCue("sales-pitch", Content::salesPitch);
  }

  /** {@link Content#moneyProposal} of the subject and body together. */
  public String getMoneyProposalCue() {
    return wholeCue("money-proposal", Content::moneyProposal);
  }

  /** {@link Content#stockTout} of the subject and body together. */
  public String getStockToutCue() {
    return wholeCue("stock-tout", Content::stockTout);
  }

  /** {@link Content#leadForm} of the subject and body together. */
  public String getLeadFormCue() {
    return wholeCue("lead-form", Content::leadForm);
  }

  /** {@link Content#homeIncome} of the subject and body together. */
  public String getHomeIncomeCue() {
    return wholeCue("home-income", Content::homeIncome);
  }

  /** {@link Content#bulkMailSale} of the subject and body together. */
  public String getBulkMailSaleCue() {
    return wholeCue("bulk-mail-sale", Content::bulkMailSale);
  }

  /** {@link Content#advanceFee} of the subject and body together. */
  public String getAdvanceFeeCue() {
    return wholeCue("advance-fee", Content::advanceFee);
  }

  /** {@link Content#advertisementLabel} of the subject. */
  public String getAdvertisementLabel() {
    return Content.advertisementLabel(subject);
  }

  /** {@link Content#accountNotice} of the subject only: in a body such wording is routine. */
  public String getAccountNoticeCue() {
    return subjectCue("account-notice", Content::accountNotice);
  }

  /** {@link Content#disguisedSubject} of the subject. */
  public String getDisguisedSubjectCue() {
    return Content.disguisedSubject(subject);
  }

  /** {@link Content#hiddenCharacters} of the body. */
  public String getHiddenCharactersCue() {
    return bodyCue("hidden", Content::hiddenCharacters);
  }

  /**
   * {@link Content#randomCode} of the whole body: hash busters sit at its very end, past the part
   * the other cues read.
   */
  public String getRandomCodeCue() {
    return cached("random-code", () -> Content.randomCode(bodyText));
  }

  private String cue(String name, Function<CharSequence, String> finder) {
    return cached(
        name,
        () -> {
          String inSubject = finder.apply(subjectText());
          return inSubject != null ? inSubject : finder.apply(cueText());
        });
  }

  private String wholeCue(String name, Function<CharSequence, String> finder) {
    return cached(name, () -> finder.apply(wholeText()));
  }

  private String subjectCue(String name, Function<CharSequence, String> finder) {
    return cached(name, () -> finder.apply(subjectText()));
  }

  private String bodyCue(String name, Function<CharSequence, String> finder) {
    return cached(name, () -> finder.apply(cueText()));
  }

  // Every rule reading a cue calls its getter; the search runs once per message (null included).
  private String cached(String name, Supplier<String> finder) {
    String found =
        cues.computeIfAbsent(
            name,
            k -> {
              String value = finder.get();
              return value == null ? NONE : value;
            });
    return found == NONE ? null : found;
  }

  private void forgetCues() {
    cues.clear();
    subjectText = null;
    cueText = null;
    wholeText = null;
  }

  // The texts the cues read are lower-cased once for all of them.
  private CuePattern.Text subjectText() {
    CuePattern.Text t = subjectText;
    if (t == null) {
      // Cues read the subject as it shows: "ph\u200Botos will be re\u200Bmoved" is what it says.
      subjectText = t = CuePattern.Text.of(subject == null ? null : Names.asSeen(subject));
    }
    return t;
  }

  /**
   * The part of the body the cues read: what a reader sees in the first screens. Newsletters and
   * digests run to hundreds of kilobytes, and reading them whole with every cue is what made the
   * cues the costliest part of an investigation.
   */
  private CuePattern.Text cueText() {
    CuePattern.Text t = cueText;
    if (t == null) {
      cueText =
          t =
              CuePattern.Text.of(
                  bodyText.length() > CUE_REACH ? bodyText.substring(0, CUE_REACH) : bodyText);
    }
    return t;
  }

  private CuePattern.Text wholeText() {
    CuePattern.Text t = wholeText;
    if (t == null) {
      wholeText = t = CuePattern.Text.of(subjectText() + "\n" + cueText());
    }
    return t;
  }

  public long getSize() {
    return size;
  }

  public Message setSize(long size) {
    this.size = size;
    return this;
  }

  /** True when this message arrived at least {@code hours} hours before {@code other}. */
  public boolean receivedHoursBefore(Message other, int hours) {
    return receivedAt != null
        && other != null
        && other.receivedAt != null
        && !receivedAt.plus(java.time.Duration.ofHours(hours)).isAfter(other.receivedAt);
  }

  public static String normalizeSubject(String subject) {
    if (subject == null) {
      return "";
    }
    String s = subject.toLowerCase(Locale.ROOT).strip();
    String previous;
    do {
      previous = s;
      s = s.replaceFirst("^(re|fw|fwd|aw|wg|sv|vs|tr|rv)\\s*(\\[\\d+\\])?\\s*:\\s*", "").strip();
    } while (!s.equals(previous));
    return s.replaceAll("\\s+", " ");
  }

  private static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "Message[" + id + " from " + senderAddress + ": " + subject + "]";
  }
}
