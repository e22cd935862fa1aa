package org.openair.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.tika.Tika;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openair.domain.Attachment;
import org.openair.domain.AuthResult;
import org.openair.domain.Direction;
import org.openair.domain.Message;
import org.openair.domain.Organisation;
import org.openair.intake.Headers.AuthMethod;

/**
 * Parses one raw RFC 822 message into the facts intake inserts: the {@link Message}, its links and
 * its attachments. MIME is read once, as a stream. Malformed input is read as far as it goes:
 * {@link #parse} never throws, and says in {@link ParsedMessage#warnings()} what it could not read.
 * Thread-safe.
 */
public final class MessageParser {
  /** How deep message/rfc822 parts may nest inside each other before they are no longer opened. */
  static final int MAX_NESTED_MESSAGES = 5;

  /** How deep multiparts may nest before their parts are skipped. */
  static final int MAX_PART_DEPTH = 30;

  /** Text and HTML parts beyond this many bytes are cut before decoding. */
  static final int MAX_TEXT_PART_BYTES = 2 * 1024 * 1024;

  private static final int MAX_HEADER_FIELDS = 2_000;
  private static final int MAX_RECIPIENTS = 1_000;
  private static final int MAX_DETECT_BYTES = 64 * 1024;
  private static final Pattern ANGLE_ADDR = Pattern.compile("<([^<>]*)>");
  private static final Pattern CHARSET_PARAMETER =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final Pattern HTML_NAME = Pattern.compile("(?i).*\\.(s?html?|xhtml|svg)$");

  // No limits that throw: a message over a limit must still give its headers.
  private static final MimeConfig CONFIG =
      new MimeConfig.Builder()
          .setStrictParsing(false)
          .setMaxLineLen(-1)
          .setMaxHeaderCount(-1)
          .setMaxHeaderLen(-1)
          .setMaxContentLen(-1)
          .setMalformedHeaderStartsBody(false)
          .build();

  private static final Tika TIKA = new Tika();

  /**
   * Parses {@code raw}. Never throws; empty or null input gives a message with only its id and size
   * and a warning.
   *
   * @param messageId the id intake gives the message (becomes {@link Message#getId()} and the
   *     message id of every link and attachment)
   * @param org the organisation whose accepted domains decide the direction; null means none
   */
  public ParsedMessage parse(String messageId, byte[] raw, Organisation org) {
    Findings findings = new Findings(messageId);
    Message message = new Message().setId(messageId).setSize(raw == null ? 0 : raw.length);
    if (raw == null || raw.length == 0) {
      findings.warn("empty message");
      return new ParsedMessage(message, List.of(), List.of(), findings.warnings());
    }
    Handler handler = new Handler(0, findings);
    run(raw, handler, findings);
    try {
      applyHeaders(message, handler.headers, handler.firstCharset, org, findings);
    } catch (RuntimeException | StackOverflowError e) {
      findings.warn("headers could not be read: " + describe(e));
    }
    message.setBodyText(findings.body());
    message.setLinkedImages(findings.linkedImages());
    message.setLinkedImageDomains(findings.linkedImageDomains());
    message.setHiddenContent(findings.hiddenContent());
    message.setContactForm(findings.contactForm());
    return new ParsedMessage(
        message, findings.links(), findings.attachments(), findings.warnings());
  }

  private static void run(byte[] bytes, Handler handler, Findings findings) {
    MimeStreamParser parser =
        new MimeStreamParser(
            CONFIG,
            DecodeMonitor.SILENT,
            new DefaultBodyDescriptorBuilder(
                null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
    parser.setContentDecoding(true);
    // Nested messages are opened by the handler itself, so that their depth is bounded and their
    // exact bytes can be hashed as an attachment.
    parser.setNoRecurse();
    parser.setContentHandler(handler);
    try {
      parser.parse(new ByteArrayInputStream(bytes));
    } catch (MimeException | IOException | RuntimeException | StackOverflowError e) {
      findings.warn("MIME parsing stopped early: " + describe(e));
    } finally {
      handler.flush();
    }
  }

  // ---------------------------------------------------------------- headers

  private static void applyHeaders(
      Message message,
      List<Field> fields,
      String firstPartCharset,
      Organisation org,
      Findings findings) {
    // Values are decoded only for the fields read below: a message carries dozens of others.
    Map<String, List<Field>> headers = new LinkedHashMap<>();
    for (Field field : fields) {
      String name = field.getName();
      if (name == null) {
        continue;
      }
      headers
          .computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(field);
    }
    if (headers.isEmpty()) {
      findings.warn("no header fields found");
    }

    // 8-bit Subject and From headers are written in the body's charset by the mailers that write
    // them.
    String bodyLabel = charsetParameter(first(headers, "content-type"));
    Charset bodyCharset = TextDecoder.lookup(bodyLabel != null ? bodyLabel : firstPartCharset);
    String fromValue = first(headers, "from", bodyCharset);
    Mailbox from = firstMailbox(fromValue);
    if (from != null) {
      message.setSenderAddress(from.getAddress());
      message.setSenderDomain(from.getDomain());
      SenderField field = SenderField.read(fromValue);
      String name = Headers.decodeWords(from.getName());
      if (field.detachedName() != null) {
        // The reader sees the detached name first, then the mailbox's own name if it has words.
        String detached = Headers.decodeWords(field.detachedName());
        name = name == null || !SenderField.hasWord(name) ? detached : detached + ", " + name;
      }
      message.setSenderDisplayName(name == null || name.isBlank() ? null : name.strip());
      message.setSenderAnomaly(field.anomaly());
    } else if (first(headers, "from") != null) {
      // A From with only a name still shows that name to the reader.
      String name =
          Headers.decodeWords(first(headers, "from", bodyCharset)).replaceAll("<[^>]*>", "");
      name = name.replace("\"", "").strip();
      message.setSenderDisplayName(name.isEmpty() ? null : name);
      findings.warn("From header has no address");
    }
    Mailbox replyTo = firstMailbox(first(headers, "reply-to"));
    if (replyTo != null) {
      message.setReplyTo(replyTo.getAddress());
      message.setReplyToDomain(replyTo.getDomain());
    }
    String returnPath = returnPath(first(headers, "return-path"));
    if (returnPath != null) {
      message.setReturnPath(returnPath);
      message.setReturnPathDomain(returnPath.substring(returnPath.lastIndexOf('@') + 1));
    }
    message.setRecipients(recipients(headers));

    String subject = first(headers, "subject", bodyCharset);
    message.setSubject(subject == null ? null : Headers.decodeWords(subject).strip());
    String messageIdHeader = first(headers, "message-id");
    if (messageIdHeader != null) {
      Matcher m = ANGLE_ADDR.matcher(messageIdHeader);
      String id = (m.find() ? m.group(1) : messageIdHeader).strip();
      message.setInternetMessageId(id.isEmpty() ? null : id);
    }

    List<String> received = all(headers, "received");
    message.setReceivedAt(receivedAt(first(headers, "date"), received, findings));
    applyAuthentication(message, headers, received);
    message.setDirection(direction(message.getSenderDomain(), message.getRecipients(), org));
  }

  private static String first(Map<String, List<Field>> headers, String name) {
    return first(headers, name, null);
  }

  private static String first(Map<String, List<Field>> headers, String name, Charset fallback) {
    List<Field> fields = headers.get(name);
    return fields == null || fields.isEmpty() ? null : Headers.value(fields.get(0), fallback);
  }

  private static String charsetParameter(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET_PARAMETER.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  private static List<String> all(Map<String, List<Field>> headers, String name) {
    return headers.getOrDefault(name, List.of()).stream().map(Headers::value).toList();
  }

  private static Mailbox firstMailbox(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    List<Mailbox> mailboxes = mailboxes(value);
    return mailboxes.isEmpty() ? null : mailboxes.get(0);
  }

  private static List<Mailbox> mailboxes(String value) {
    List<Mailbox> result = new ArrayList<>();
    try {
      AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
      for (Mailbox mailbox : list.flatten()) {
        if (usable(mailbox)) {
          result.add(mailbox);
        }
      }
    } catch (RuntimeException e) {
      // Fall through to the plain pattern below.
    }
    if (result.isEmpty() && value.indexOf('@') >= 0) {
      for (String address : Headers.emailsIn(value)) {
        int at = address.lastIndexOf('@');
        result.add(new Mailbox(address.substring(0, at), address.substring(at + 1)));
      }
    }
    return result;
  }

  private static boolean usable(Mailbox mailbox) {
    return mailbox.getLocalPart() != null
        && !mailbox.getLocalPart().isBlank()
        && mailbox.getDomain() != null
        && !mailbox.getDomain().isBlank();
  }

  private static String returnPath(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = ANGLE_ADDR.matcher(value);
    String address = (m.find() ? m.group(1) : value).strip();
    int at = address.lastIndexOf('@');
    return at <= 0 || at == address.length() - 1 ? null : address;
  }

  private static List<String> recipients(Map<String, List<Field>> headers) {
    Set<String> recipients = new LinkedHashSet<>();
    for (String name : List.of("to", "cc")) {
      for (String value : all(headers, name)) {
        for (Mailbox mailbox : mailboxes(value)) {
          if (recipients.size() >= MAX_RECIPIENTS) {
            return List.copyOf(recipients);
          }
          recipients.add(mailbox.getAddress().toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(recipients);
  }

  /**
   * The Date header when it can be read, else the newest (top-most) Received timestamp, else null:
   * never the parse time, which would pass for a real timestamp.
   */
  private static Instant receivedAt(String date, List<String> received, Findings findings) {
    Instant parsed = Headers.parseDate(date);
    if (parsed != null) {
      return parsed;
    }
    if (date != null) {
      findings.warn("Date header could not be read");
    }
    for (String value : received) {
      Instant at = Headers.receivedDate(value);
      if (at != null) {
        return at;
      }
    }
    return null;
  }

  /**
   * Authentication results from the top-most Authentication-Results header and any others with the
   * same authserv-id (the receiving organisation's servers). Lower headers with another id may have
   * been written by the sender, so they are not believed. ARC-Authentication-Results is a different
   * header and is not read here. Received-SPF fills SPF when Authentication-Results did not.
   */
  private static void applyAuthentication(
      Message message, Map<String, List<Field>> headers, List<String> received) {
    Map<AuthMethod, AuthResult> results = new EnumMap<>(AuthMethod.class);
    String senderIp = null;
    List<String> authResults = all(headers, "authentication-results");
    if (!authResults.isEmpty()) {
      String receiver = Headers.authservId(authResults.get(0));
      for (String value : authResults) {
        if (!Headers.authservId(value).equals(receiver)) {
          continue;
        }
        Headers.authResults(value).forEach(results::putIfAbsent);
        if (senderIp == null) {
          senderIp = Headers.ipFromAuthHeader(value);
        }
      }
    }
    String receivedSpf = first(headers, "received-spf");
    if (receivedSpf != null) {
      results.putIfAbsent(AuthMethod.SPF, Headers.receivedSpf(receivedSpf));
      if (senderIp == null) {
        senderIp = Headers.ipFromAuthHeader(receivedSpf);
      }
    }
    for (int i = 0; senderIp == null && i < received.size(); i++) {
      senderIp = Headers.publicIpFromReceived(received.get(i));
    }
    message.setSpf(results.get(AuthMethod.SPF));
    message.setDkim(results.get(AuthMethod.DKIM));
    message.setDmarc(results.get(AuthMethod.DMARC));
    message.setCompauth(results.get(AuthMethod.COMPAUTH));
    message.setSenderIp(senderIp);
  }

  /**
   * INBOUND for a sender outside the accepted domains, also when no recipient header names the
   * organisation (Bcc and "undisclosed recipients" are how much phishing is addressed, and the
   * message reached the organisation all the same). OUTBOUND for an internal sender writing to
   * anyone outside, INTRA_ORG otherwise. UNKNOWN without accepted domains, or without a sender
   * address unless a recipient is internal.
   */
  public static Direction direction(
      String senderDomain, List<String> recipients, Organisation org) {
    if (org == null || org.getAcceptedDomains().isEmpty()) {
      return Direction.UNKNOWN;
    }
    if (senderDomain == null || senderDomain.isBlank()) {
      return recipients.stream().anyMatch(org::isInternalAddress)
          ? Direction.INBOUND
          : Direction.UNKNOWN;
    }
    if (!org.isInternalDomain(senderDomain)) {
      return Direction.INBOUND;
    }
    return recipients.stream().anyMatch(r -> !org.isInternalAddress(r))
        ? Direction.OUTBOUND
        : Direction.INTRA_ORG;
  }

  // ---------------------------------------------------------------- body

  /** One open multipart; alternatives keep their text until the end so that only one is used. */
  private static final class Frame {
    final boolean alternative;
    String plain;
    String html;

    Frame(boolean alternative) {
      this.alternative = alternative;
    }
  }

  private static final class Handler extends AbstractContentHandler {
    final int nesting;
    final Findings findings;
    final List<Field> headers = new ArrayList<>();
    final Deque<Frame> frames = new ArrayDeque<>();
    String firstCharset;
    boolean inTopHeader;
    boolean topHeaderDone;
    int depth;

    Handler(int nesting, Findings findings) {
      this.nesting = nesting;
      this.findings = findings;
    }

    @Override
    public void startHeader() {
      if (!topHeaderDone && depth == 0) {
        inTopHeader = true;
      }
    }

    @Override
    public void field(Field field) {
      if (inTopHeader) {
        if (headers.size() < MAX_HEADER_FIELDS) {
          headers.add(field);
        } else {
          findings.warn("more than " + MAX_HEADER_FIELDS + " header fields: the rest were ignored");
        }
      }
    }

    @Override
    public void endHeader() {
      if (inTopHeader) {
        inTopHeader = false;
        topHeaderDone = true;
      }
    }

    @Override
    public void startBodyPart() {
      depth++;
    }

    @Override
    public void endBodyPart() {
      depth--;
    }

    @Override
    public void startMultipart(BodyDescriptor bd) {
      frames.push(new Frame("alternative".equalsIgnoreCase(bd.getSubType())));
    }

    @Override
    public void endMultipart() {
      if (!frames.isEmpty()) {
        close(frames.pop());
      }
    }

    void flush() {
      while (!frames.isEmpty()) {
        close(frames.pop());
      }
    }

    private void close(Frame frame) {
      if (frame.alternative) {
        // The HTML alternative is what mail clients show, so its text is what the reader saw.
        if (frame.html != null) {
          addText(true, frame.html);
        } else if (frame.plain != null) {
          addText(false, frame.plain);
        }
      }
    }

    private void addText(boolean html, String text) {
      for (Frame frame : frames) {
        if (frame.alternative) {
          if (html && frame.html == null) {
            frame.html = text;
          } else if (!html && frame.plain == null) {
            frame.plain = text;
          }
          return;
        }
      }
      findings.appendBody(text);
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) {
      if (depth > MAX_PART_DEPTH) {
        findings.warn("parts nested deeper than " + MAX_PART_DEPTH + " levels were skipped");
        return;
      }
      try {
        part(bd, is);
      } catch (IOException | RuntimeException | StackOverflowError e) {
        findings.warn("a part could not be read: " + describe(e));
      }
    }

    private void part(BodyDescriptor bd, InputStream is) throws IOException {
      MaximalBodyDescriptor md = bd instanceof MaximalBodyDescriptor m ? m : null;
      String mime = bd.getMimeType() == null ? "text/plain" : bd.getMimeType();
      mime = mime.strip().toLowerCase(Locale.ROOT);
      String disposition =
          md == null || md.getContentDispositionType() == null
              ? ""
              : md.getContentDispositionType().strip().toLowerCase(Locale.ROOT);
      String fileName = fileName(md);
      if (mime.equals("message/rfc822") || mime.equals("message/global")) {
        nestedMessage(mime, fileName, is);
        return;
      }
      boolean html = mime.equals("text/html") || mime.equals("application/xhtml+xml");
      if (fileName != null || disposition.equals("attachment") || !mime.startsWith("text/")) {
        attachment(bd, mime, fileName, is, html || fileName != null && isHtmlName(fileName));
        return;
      }
      byte[] bytes = readCapped(is);
      if (html) {
        html(bd, bytes, true);
      } else {
        String text = decode(bd, bytes, false);
        LinkExtractor.fromText(text, findings, List.of());
        addText(false, text);
      }
    }

    private void html(BodyDescriptor bd, byte[] bytes, boolean readable) {
      Document doc = Jsoup.parse(decode(bd, bytes, true));
      List<String> shown = LinkExtractor.fromHtml(doc, findings, readable);
      if (readable) {
        findings.hideContent(HiddenContent.find(doc));
      }
      String text = doc.text();
      // Mail clients turn URLs written as plain text into links, so they count too.
      LinkExtractor.fromText(text, findings, shown);
      if (readable) {
        addText(true, text);
      }
    }

    private String decode(BodyDescriptor bd, byte[] bytes, boolean html) {
      String label =
          bd instanceof MaximalBodyDescriptor md
              ? md.getContentTypeParameters().get("charset")
              : bd.getCharset();
      if (firstCharset == null) {
        firstCharset = label;
      }
      return TextDecoder.decode(bytes, label, html, findings::warn);
    }

    private void attachment(
        BodyDescriptor bd, String mime, String fileName, InputStream is, boolean html)
        throws IOException {
      if (findings.attachmentsFull()) {
        return;
      }
      byte[] bytes = is.readAllBytes();
      String detected = detect(bytes);
      findings.addAttachment(
          new Attachment(
              findings.messageId(), fileName, mime, detected, bytes.length, sha256(bytes)));
      if (html) {
        // HTML attachments open in a browser: their forms and links are where credentials go.
        byte[] head =
            bytes.length > MAX_TEXT_PART_BYTES ? Arrays.copyOf(bytes, MAX_TEXT_PART_BYTES) : bytes;
        html(bd, head, false);
      } else if ("application/pdf".equals(detected)) {
        pdfLinks(fileName, bytes);
      }
    }

    private void pdfLinks(String fileName, byte[] bytes) {
      String name = fileName == null ? "a PDF attachment" : "PDF attachment " + fileName;
      if (bytes.length > PdfLinks.MAX_BYTES) {
        findings.warn(
            name + " is larger than " + PdfLinks.MAX_BYTES + " bytes: its links were not read");
        return;
      }
      try {
        for (String uri : PdfLinks.read(bytes)) {
          findings.addLink(uri, null, null);
        }
      } catch (IOException | RuntimeException | StackOverflowError e) {
        findings.warn(name + " could not be read for links: " + describe(e));
      }
    }

    private void nestedMessage(String mime, String fileName, InputStream is) throws IOException {
      byte[] bytes = is.readAllBytes();
      findings.addAttachment(
          new Attachment(
              findings.messageId(), fileName, mime, detect(bytes), bytes.length, sha256(bytes)));
      if (nesting + 1 > MAX_NESTED_MESSAGES) {
        findings.warn(
            "messages nested deeper than " + MAX_NESTED_MESSAGES + " levels were not opened");
        return;
      }
      // The nested message's own headers are not this message's: only its content is kept.
      run(bytes, new Handler(nesting + 1, findings), findings);
    }

    private byte[] readCapped(InputStream is) throws IOException {
      byte[] bytes = is.readNBytes(MAX_TEXT_PART_BYTES);
      if (bytes.length == MAX_TEXT_PART_BYTES && is.read() >= 0) {
        findings.warn("a text part was cut at " + MAX_TEXT_PART_BYTES + " bytes");
      }
      return bytes;
    }
  }

  private static String fileName(MaximalBodyDescriptor md) {
    if (md == null) {
      return null;
    }
    String name = md.getContentDispositionFilename();
    if (name == null || name.isBlank()) {
      name = md.getContentTypeParameters().get("name");
    }
    if (name == null || name.isBlank()) {
      return null;
    }
    // Outlook and others put RFC 2047 encoded words in parameters, which RFC 2231 does not allow.
    return Headers.decodeWords(name).strip();
  }

  private static boolean isHtmlName(String fileName) {
    return HTML_NAME.matcher(fileName).matches();
  }

  private static String detect(byte[] bytes) {
    try {
      byte[] head =
          bytes.length > MAX_DETECT_BYTES ? Arrays.copyOf(bytes, MAX_DETECT_BYTES) : bytes;
      String type = TIKA.detect(head);
      // Parameters such as "; format=pe" would make equal types compare unequal in rules.
      int semi = type == null ? -1 : type.indexOf(';');
      return semi < 0 ? type : type.substring(0, semi).strip();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String describe(Throwable e) {
    String text =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
