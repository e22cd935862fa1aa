package org.openair.intake;

import com.google.common.hash.Hashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.openair.config.OpenAirConfig;
import org.openair.domain.AttachmentScan;
import org.openair.mail.ClamdClient;
import org.openair.mail.MailFailure;
import org.openair.store.MessageStore;

/**
 * Scans a stored message's attachments with clamd when {@code openair.clamav.enabled} is set. Each
 * attachment becomes an {@link AttachmentScan} fact; a scanner that cannot be reached gives facts
 * with an error rather than none, so rules can tell "clean" from "not scanned".
 */
@ApplicationScoped
public class AttachmentScanner {
  private static final Logger LOG = Logger.getLogger(AttachmentScanner.class);
  private static final int MAX_PARTS = 100;

  private final OpenAirConfig.Clamav config;
  private final MessageStore messages;
  private final ClamdClient clamd;
  private final Session parsing = Session.getInstance(new Properties());

  @Inject
  public AttachmentScanner(OpenAirConfig config, MessageStore messages) {
    this.config = config.clamav();
    this.messages = messages;
    this.clamd = new ClamdClient(this.config.host(), this.config.port(), this.config.timeout());
  }

  public boolean enabled() {
    return config.enabled();
  }

  /** Scan results for each attachment of the stored message; empty when scanning is off. */
  public List<AttachmentScan> scan(String messageId) {
    List<AttachmentScan> out = new ArrayList<>();
    if (!config.enabled()) {
      return out;
    }
    Optional<byte[]> raw = messages.raw(messageId);
    if (raw.isEmpty()) {
      return out;
    }
    try {
      List<Part> parts = new ArrayList<>();
      collect(new MimeMessage(parsing, new ByteArrayInputStream(raw.get())), parts, 0);
      for (Part part : parts) {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
          bytes = in.readAllBytes();
        }
        String sha256 = Hashing.sha256().hashBytes(bytes).toString();
        String name = part.getFileName();
        if (bytes.length > config.maxBytes()) {
          out.add(
              new AttachmentScan(
                  messageId, name, sha256, false, null, "larger than the scan limit"));
          continue;
        }
        try {
          ClamdClient.Result r = clamd.scan(bytes);
          out.add(
              new AttachmentScan(messageId, name, sha256, r.infected(), r.signature(), r.error()));
        } catch (IOException e) {
          String reason = MailFailure.of(clamd.describe(), e).reason();
          LOG.warnf("scanning %s of %s: %s", name, messageId, reason);
          out.add(new AttachmentScan(messageId, name, sha256, false, null, reason));
        }
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.warnf("message %s could not be opened for scanning: %s", messageId, e.getMessage());
    }
    return out;
  }

  /** Leaf parts that are attachments: named, marked as attachments, or not text. */
  private static void collect(Part part, List<Part> out, int depth)
      throws MessagingException, IOException {
    if (depth > 10 || out.size() >= MAX_PARTS) {
      return;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        collect(mp.getBodyPart(i), out, depth + 1);
      }
      return;
    }
    if (part instanceof MimeMessage) {
      return;
    }
    boolean named = part.getFileName() != null;
    boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    if (named || attached || !part.isMimeType("text/*")) {
      out.add(part);
    }
  }
}
