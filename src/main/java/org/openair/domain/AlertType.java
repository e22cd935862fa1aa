package org.openair.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The alerts that start an investigation, each mapped to the playbook that handles it. */
public enum AlertType {
  USER_REPORTED("user-reported"),
  URL_CLICK("url-click"),
  MALWARE_ZAP("malware-zap"),
  PHISH_ZAP("phish-zap"),
  SUSPICIOUS_SENDING("compromised-user"),
  USER_RESTRICTED("compromised-user"),
  MANUAL("manual");

  private final String playbook;

  AlertType(String playbook) {
    this.playbook = playbook;
  }

  /** The playbook that investigates this alert type; rules name it in {@code @playbook}. */
  public String playbook() {
    return playbook;
  }

  /** The kebab-case form used in JSON, e.g. {@code user-reported}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<AlertType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(t -> t.code().equals(code.trim())).findFirst();
  }
}
