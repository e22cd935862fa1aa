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

  /** True when the name or the content says the file runs code when opened. */
  public boolean isExecutable() {
    return Reference.isExecutableExtension(getExtension())
        || isExecutableContent() && !(getExtension().isEmpty() && isScriptContent());
  }

  /**
   * True for shell and batch scripts. Without an extension they open as text in a mail client, so
   * on their own they are not programs that run when opened (administrators mail them to each
   * other); named like a document they are still disguised.
   */
  private boolean isScriptContent() {
    return "application/x-sh".equals(detectedType) || "application/x-bat".equals(detectedType);
  }

  /** True when the bytes are a program or script, whatever the name says. */
  public boolean isExecutableContent() {
    return detectedType != null && EXECUTABLE_TYPES.contains(detectedType);
  }

  /** True when the name's extension promises a harmless file but the bytes are a program. */
  public boolean isDisguisedExecutable() {
    return isExecutableContent()
        && !getExtension().isEmpty()
        && !Reference.isExecutableExtension(getExtension());
  }

  /**
   * True for PDF and Office documents, which can be encrypted with a password so that scanners
   * cannot read them.
   */
  public boolean isDocument() {
    String ext = getExtension();
    return ext.equals("pdf")
        || Reference.isMacroExtension(ext)
        || ext.equals("doc")
        || ext.equals("docx")
        || ext.equals("xls")
        || ext.equals("xlsx")
        || ext.equals("ppt")
        || ext.equals("pptx")
        || "application/pdf".equals(detectedType);
  }

  /** True for archives, by name or by content. */
  public boolean isArchive() {
    return Reference.isArchiveExtension(getExtension())
        || detectedType != null && ARCHIVE_TYPES.contains(detectedType);
  }

  /** True for HTML and SVG files, which open in a browser and can carry forms and scripts. */
  public boolean isHtml() {
    String ext = getExtension();
    return ext.equals("htm")
        || ext.equals("html")
        || ext.equals("shtml")
        || ext.equals("xhtml")
        || ext.equals("svg")
        || "text/html".equals(detectedType)
        || "application/xhtml+xml".equals(detectedType)
        || "image/svg+xml".equals(detectedType);
  }

  /**
   * True for Office documents whose format is the macro-enabled one ({@code .docm}, {@code
   * .xlsm}...).
   */
  public boolean isMacroEnabled() {
    String ext = getExtension();
    return Reference.isMacroExtension(ext) && (ext.endsWith("m") || ext.equals("xlsb"));
  }

  /**
   * True when the content's detected type is not the type the name's extension stands for, nor a
   * more general or more specific form of it; unknown types never count.
   */
  public boolean isTypeMismatch() {
    return Types.mismatch(fileName, detectedType);
  }

  private static final java.util.Set<String> EXECUTABLE_TYPES =
      java.util.Set.of(
          "application/x-dosexec",
          "application/x-msdownload",
          "application/x-executable",
          "application/x-elf",
          "application/x-mach-o-executable",
          "application/x-sharedlib",
          "application/x-ms-installer",
          "application/x-msi",
          "application/java-archive",
          "application/x-sh",
          "application/x-bat",
          "application/x-ms-shortcut");

  private static final java.util.Set<String> ARCHIVE_TYPES =
      java.util.Set.of(
          "application/zip",
          "application/x-rar-compressed",
          "application/vnd.rar",
          "application/x-7z-compressed",
          "application/gzip",
          "application/x-gzip",
          "application/x-tar",
          "application/x-iso9660-image",
          "application/x-ace-compressed",
          "application/x-bzip2",
          "application/x-xz",
          "application/vnd.ms-cab-compressed");

  @Override
  public String toString() {
    return "Attachment[" + fileName + " " + sha256 + "]";
  }
}
