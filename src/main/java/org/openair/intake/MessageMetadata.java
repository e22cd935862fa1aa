package org.openair.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message described by its metadata instead of its raw bytes, for sources that see headers but
 * not content (gateways, journal summaries, other products' exports).
 */
public record MessageMetadata(
    String internetMessageId,
    String from,
    String fromName,
    String replyTo,
    String returnPath,
    List<String> to,
    String subject,
    Instant receivedAt,
    String senderIp,
    Map<String, String> authentication,
    List<LinkMetadata> links,
    List<AttachmentMetadata> attachments,
    String body,
    List<String> mailboxes) {

  /** A link; {@code image} true when what the reader sees of it is a picture. */
  public record LinkMetadata(String url, String text, Boolean image) {}

  public record AttachmentMetadata(
      String name, String contentType, String detectedType, Long size, String sha256) {}
}
