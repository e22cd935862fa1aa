package org.openair.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * The web links of a PDF attachment: the URI actions of its link annotations. A PDF that is only a
 * button to a web page carries the phishing link past scanners that read the mail body alone.
 */
final class PdfLinks {

  /** PDFs larger than this are not opened: lures are small and big files cost memory. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Only the first pages are read: a lure puts its link where the reader starts. */
  static final int MAX_PAGES = 10;

  static final int MAX_LINKS = 50;

  private PdfLinks() {}

  /**
   * The distinct URIs of the link annotations on the first pages, in order.
   *
   * @throws IOException when the bytes are not a PDF that can be read without a password
   */
  static List<String> read(byte[] pdf) throws IOException {
    Set<String> uris = new LinkedHashSet<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = 0;
      for (PDPage page : doc.getPages()) {
        if (++pages > MAX_PAGES) {
          break;
        }
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationLink link) {
            PDAction action = link.getAction();
            if (action instanceof PDActionURI uri && uri.getURI() != null) {
              uris.add(uri.getURI().strip());
              if (uris.size() >= MAX_LINKS) {
                return new ArrayList<>(uris);
              }
            }
          }
        }
      }
    }
    return new ArrayList<>(uris);
  }
}
