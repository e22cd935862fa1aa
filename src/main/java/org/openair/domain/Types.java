package org.openair.domain;

import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * File types compared through Apache Tika's type registry, which knows which type is a kind of
 * which.
 */
final class Types {
  private static final Tika TIKA = new Tika();
  private static final MediaTypeRegistry REGISTRY =
      MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

  /** A mail message forwarded as a file, whichever of the two formats its name says. */
  private static final Set<MediaType> MAIL_MESSAGES =
      Set.of(MediaType.parse("message/rfc822"), MediaType.parse("application/vnd.ms-outlook"));

  private Types() {}

  /**
   * True when {@code detected} differs from the type {@code fileName}'s extension stands for and
   * neither is a kind of the other. Unknown names or contents ({@code application/octet-stream})
   * never count, nor do text types among themselves.
   */
  static boolean mismatch(String fileName, String detected) {
    if (fileName == null || detected == null || fileName.lastIndexOf('.') < 0) {
      return false;
    }
    String byName = TIKA.detect(fileName.strip());
    MediaType n = MediaType.parse(byName);
    MediaType d = MediaType.parse(detected);
    if (n == null
        || d == null
        || n.equals(MediaType.OCTET_STREAM)
        || d.equals(MediaType.OCTET_STREAM)
        || n.equals(d)) {
      return false;
    }
    // Plain text hides no other kind of content (PGP signatures, logs, .asc and .cfg files are
    // text whatever the name's registered type); programs in disguise have their own check.
    if (d.equals(MediaType.TEXT_PLAIN)
        || n.getType().equals("text") && d.getType().equals("text")) {
      return false;
    }
    // Mailers save a forwarded message as .msg or .eml whatever its format: both are mail.
    if (MAIL_MESSAGES.contains(n) && MAIL_MESSAGES.contains(d)) {
      return false;
    }
    return !REGISTRY.isSpecializationOf(n, d) && !REGISTRY.isSpecializationOf(d, n);
  }
}
