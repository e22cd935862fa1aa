package org.openair.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParkedPageTest {

  private static Link link(String url) {
    String host = url.replaceFirst("^https?://", "").replaceFirst("[/?#].*$", "");
    return new Link("m1", url, host, null, null, null);
  }

  @Test
  void shouldCallAPageInACloudStorageBucketParked() {
    assertThat(link("https://storage.googleapis.com/newera1/fedex.html#4bjOBn").isParkedPage())
        .isTrue();
    assertThat(link("https://apps293.s3.us-east-2.amazonaws.com/s09823.HTML?=yuog").isParkedPage())
        .isTrue();
  }

  @Test
  void shouldNotCallAFileInABucketAPage() {
    assertThat(link("https://storage.googleapis.com/council/minutes.pdf").isParkedPage()).isFalse();
    assertThat(link("https://storage.googleapis.com/council/").isParkedPage()).isFalse();
  }

  @Test
  void shouldNotCallAPageOnAnOrdinarySiteParked() {
    assertThat(link("https://www.example-bakery.nl/menu.html").isParkedPage()).isFalse();
  }

  @Test
  void shouldReadThePathWithoutQueryOrFragment() {
    assertThat(link("https://storage.googleapis.com/b/page?next=login.html").isParkedPage())
        .isFalse();
    assertThat(link("https://storage.googleapis.com/b/file.pdf#view.html").isParkedPage())
        .isFalse();
  }
}
