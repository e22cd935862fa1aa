package org.openair.domain;

/** What a virus scanner said about one attachment of a message. */
public class AttachmentScan {
  private final String messageId;
  private final String fileName;
  private final String sha256;
  private final boolean infected;
  private final String signature;
  private final String error;

  public AttachmentScan(
      String messageId,
      String fileName,
      String sha256,
      boolean infected,
      String signature,
      String error) {
    this.messageId = messageId;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.infected = infected;
    this.signature = signature;
    this.error = error;
  }

  public String getMessageId() {
    return messageId;
  }

  public String getFileName() {
    return fileName;
  }

  /** SHA-256 of the attachment's decoded bytes, as in {@link Attachment#getSha256()}. */
  public String getSha256() {
    return sha256;
  }

  public boolean isInfected() {
    return infected;
  }

  /** The scanner's name for what it found, e.g. {@code Win.Test.EICAR_HDB-1}; null when clean. */
  public String getSignature() {
    return signature;
  }

  /** Why the scan did not complete (size limit, scanner unreachable); null when it did. */
  public String getError() {
    return error;
  }

  @Override
  public String toString() {
    return "AttachmentScan["
        + fileName
        + " "
        + (infected ? signature : error == null ? "clean" : "error: " + error)
        + "]";
  }
}
