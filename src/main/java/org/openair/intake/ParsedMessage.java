package org.openair.intake;

import java.util.List;
import org.openair.domain.Attachment;
import org.openair.domain.Link;
import org.openair.domain.Message;

/**
 * One message as intake parsed it: the header facts, the links and attachments found in it and in
 * the messages nested in it, and warnings about what could not be read (empty when all was well).
 */
public record ParsedMessage(
    Message message, List<Link> links, List<Attachment> attachments, List<String> warnings) {
  public ParsedMessage {
    links = links == null ? List.of() : List.copyOf(links);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
