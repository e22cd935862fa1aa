package org.openair.domain;

/** A mailbox (user) of the organisation that the investigation touches. */
public class Mailbox {
  private final String address;
  private final String displayName;
  private final boolean vip;

  public Mailbox(String address, String displayName, boolean vip) {
    this.address = address;
    this.displayName = displayName;
    this.vip = vip;
  }

  public String getAddress() {
    return address;
  }

  public String getDisplayName() {
    return displayName;
  }

  /** True when the organisation settings list this mailbox as a VIP (impersonation target). */
  public boolean isVip() {
    return vip;
  }

  @Override
  public String toString() {
    return "Mailbox[" + address + "]";
  }
}
