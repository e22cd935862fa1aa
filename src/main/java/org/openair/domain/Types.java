package org.openair.domain;

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
    return !REGISTRY.isSpecializationOf(n, d) && !REGISTRY.isSpecializationOf(d, n);
  }
}
