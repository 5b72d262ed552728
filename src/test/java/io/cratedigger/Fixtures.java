package io.cratedigger;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the hand-written fixtures in src/test/resources. */
public final class Fixtures {
  private Fixtures() {}

  /** {@code src/test/resources/formats/NAME}, one small export per format. */
  public static Path format(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no fixture formats/" + name, e);
    }
  }
}
