package org.openair.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openair.domain.Mailbox;
import org.openair.domain.Organisation;

/** Facts the command line builds the way the service's investigation runner does. */
final class Facts {
  private Facts() {}

  /** One {@link Mailbox} per address the investigation touches, VIPs marked with their name. */
  static List<Mailbox> mailboxes(Collection<String> addresses, Organisation org) {
    List<Mailbox> out = new ArrayList<>();
    for (String address : addresses) {
      out.add(
          new Mailbox(address, org.getVipNames().get(address), org.getVips().contains(address)));
    }
    return out;
  }
}
