package org.openair.domain;

import java.util.Locale;

/** A file attached to a message, with its declared and detected type and its SHA-256. */
public class Attachment {
  private final String messageId;
  private final String fileName;
  private final String declaredType;
  private final String detectedType;
  private final long size;
  private final String sha256;

  public Attachment(
      String messageId,
      String fileName,
      String declaredType,
      String detectedType,
      long size,
      String sha256) {
    this.messageId = messageId;
    this.fileName = fileName;
    this.declaredType = declaredType == null ? null : declaredType.toLowerCase(Locale.ROOT);
    this.detectedType = detectedType == null ? null : detectedType.toLowerCase(Locale.ROOT);
    this.size = size;
    this.sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
  }

  public String getMessageId() {
    return messageId;
  }

  public String getFileName() {
    return fileName;
  }

  /** The file name's extension after the last dot, lower case, or an empty string. */
  public String getExtension() {
    if (fileName == null) {
      return "";
    }
    String name = fileName.strip();
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1
        ? ""
        : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The MIME type the message declared for the part, lower case. */
  public String getDeclaredType() {
    return declaredType;
  }

  /** The MIME type detected from the content's bytes (Apache Tika), lower case. */
  public String getDetectedType() {
    return detectedType;
  }

  public long getSize() {
    return size;
  }

  /** SHA-256 of the decoded content, lower-case hex. */
  public String getSha256() {
    return sha256;
  }

  @Override
  public String toString() {
    return "Attachment[" + fileName + " " + sha256 + "]";
  }
}
