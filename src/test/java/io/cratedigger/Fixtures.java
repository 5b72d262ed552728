package io.cratedigger;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the hand-written fixtures in src/test/resources. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Indexes {@code src/test/resources/similar/catalog.csv} (63 tracks in four scenes) into {@code
   * dir} and opens it.
   */
  public static io.cratedigger.index.LiveIndex similarIndex(Path dir) throws Exception {
    Path csv = Path.of(Fixtures.class.getResource("/similar/catalog.csv").toURI());
    return io.cratedigger.index.LiveIndex.open(build(dir, 2, java.util.List.of(csv)));
  }

  /**
   * Indexes {@code files} (any format, detected) into {@code dir} with {@code threads} indexing
   * threads and small test settings; one thread keeps the document order the same on every run.
   */
  public static io.cratedigger.index.IndexStore build(
      Path dir, int threads, java.util.List<Path> files) throws Exception {
    var store = new io.cratedigger.index.IndexStore(dir);
    new io.cratedigger.index.IndexBuilder(
            new io.cratedigger.ingest.Importer(io.cratedigger.ingest.FormatRegistry.bundled()),
            store,
            new io.cratedigger.index.BuildOptions(threads, 16, 50, 64, 200_000, 42),
            io.cratedigger.index.BuildListener.NONE)
        .build(files, "auto");
    return store;
  }

  /** {@code src/test/resources/formats/NAME}, one small export per format. */
  public static Path format(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no fixture formats/" + name, e);
    }
  }
}
