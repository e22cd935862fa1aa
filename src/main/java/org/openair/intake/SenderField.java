package org.openair.intake;

import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * How a From header is built, beyond the address it yields. A From that is not one plain mailbox
 * makes mail programs show one thing while authentication checks another: a name set apart from the
 * address by a comma, several addresses, or an address tucked into a comment. DMARC then sees no
 * single author domain to check (Chen et al., "Composition Kills", USENIX Security 2020).
 *
 * @param anomaly what is wrong with the header in words, or null when it is one plain mailbox
 * @param detachedName the name standing on its own before the address, which readers see as the
 *     sender's name, or null
 */
record SenderField(String anomaly, String detachedName) {

  private static final SenderField PLAIN = new SenderField(null, null);

  static SenderField read(String value) {
    if (value == null || value.isBlank()) {
      return PLAIN;
    }
    AddressList list;
    try {
      list = LenientAddressParser.DEFAULT.parseAddressList(value);
    } catch (RuntimeException e) {
      return PLAIN;
    }
    List<String> names = new ArrayList<>();
    int mailboxes = 0;
    for (Address address : list) {
      if (address instanceof Group) {
        return new SenderField("it is a group of addresses, not a sender", null);
      }
      if (address instanceof Mailbox m && m.getDomain() != null && !m.getDomain().isBlank()) {
        mailboxes++;
      } else if (address instanceof Mailbox m && m.getLocalPart() != null) {
        names.add(m.getLocalPart().strip());
      }
    }
    String detached = names.isEmpty() ? null : String.join(", ", names);
    if (mailboxes == 0) {
      return new SenderField(
          "it has no well-formed address, only one standing in a comment or a broken part of it",
          detached);
    }
    if (!names.isEmpty()) {
      return new SenderField(
          "it shows the name \"" + detached + "\" apart from the address", detached);
    }
    if (mailboxes > 1) {
      return new SenderField("it names " + mailboxes + " senders", null);
    }
    return PLAIN;
  }

  /** Whether a name has a letter or digit, rather than filler such as "_" or "-". */
  static boolean hasWord(String name) {
    return name.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
