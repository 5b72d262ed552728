package io.cratedigger.ops;

/**
 * What a server is doing before it can answer searches, for {@code /api/ready}: a stage in words
 * while the first index is prepared, or why it could not be.
 */
public final class Startup {
  private volatile String stage = "opening the index";
  private volatile String failure;

  /** A server whose index is open from the start. */
  public static Startup ready() {
    Startup s = new Startup();
    s.stage("ready");
    return s;
  }

  /** What is being done now, in words ("building the demo catalog: 12,000 tracks indexed"). */
  public void stage(String now) {
    stage = now;
  }

  public String stage() {
    return stage;
  }

  /** The first index could not be prepared; the server stays not ready and says why. */
  public void failed(String why) {
    failure = why;
  }

  /** Why the server will not become ready, or null. */
  public String failure() {
    return failure;
  }
}
