package org.openair.domain;

import java.time.Instant;

/** The investigation the session belongs to: its id, playbook and the time it runs at. */
public class Investigation {
  private final String id;
  private final String playbook;
  private final Instant now;

  public Investigation(String id, String playbook, Instant now) {
    this.id = id;
    this.playbook = playbook;
    this.now = now;
  }

  public String getId() {
    return id;
  }

  public String getPlaybook() {
    return playbook;
  }

  /** The instant the investigation treats as now; windows in rules count back from it. */
  public Instant getNow() {
    return now;
  }

  @Override
  public String toString() {
    return "Investigation[" + id + " " + playbook + "]";
  }
}
