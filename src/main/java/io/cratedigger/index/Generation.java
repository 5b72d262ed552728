package io.cratedigger.index;

import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One open generation of the index: its searchers and its feature model. Reference counted, so a
 * swap retires it while requests still run on it, and it closes when the last one finishes.
 */
public final class Generation implements Closeable {
  private final String name;
  private final Path folder;
  private final Directory directory;
  private final SearcherManager searchers;
  private final FeatureModel model;
  private final SceneModel scenes;
  private final int tracks;
  private final AtomicInteger refs = new AtomicInteger(1); // the LiveIndex's own reference

  private Generation(
      Path folder,
      Directory directory,
      SearcherManager searchers,
      FeatureModel model,
      SceneModel scenes)
      throws IOException {
    this.name = folder.getFileName().toString();
    this.folder = folder;
    this.directory = directory;
    this.searchers = searchers;
    this.model = model;
    IndexSearcher s = searchers.acquire();
    try {
      this.tracks = s.getIndexReader().numDocs();
      // an index written before scenes were learned at build time learns them now
      this.scenes = scenes != null ? scenes : SceneModel.learn(s.getIndexReader());
    } finally {
      searchers.release(s);
    }
  }

  /** Opens the generation in {@code folder} (a READY one, or one being verified). */
  public static Generation open(Path folder) throws IOException {
    Directory dir = FSDirectory.open(IndexStore.luceneDir(folder));
    try {
      Path modelFile = folder.resolve(FeatureModel.FILE_NAME);
      FeatureModel model = Files.isRegularFile(modelFile) ? FeatureModel.load(modelFile) : null;
      Path scenesFile = folder.resolve(SceneModel.FILE_NAME);
      SceneModel scenes = Files.isRegularFile(scenesFile) ? SceneModel.load(scenesFile) : null;
      return new Generation(folder, dir, new SearcherManager(dir, null), model, scenes);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  public Path folder() {
    return folder;
  }

  /** The feature model, or {@code null} for a catalog without audio features. */
  public FeatureModel model() {
    return model;
  }

  /** Which styles and genres are near each other in this catalog. */
  public SceneModel scenes() {
    return scenes;
  }

  public int tracks() {
    return tracks;
  }

  public SearcherManager searchers() {
    return searchers;
  }

  /** Takes a reference unless the generation is already closing. */
  boolean tryIncRef() {
    int n;
    do {
      n = refs.get();
      if (n <= 0) {
        return false;
      }
    } while (!refs.compareAndSet(n, n + 1));
    return true;
  }

  /** Drops a reference; the last one closes the generation. */
  void decRef() throws IOException {
    if (refs.decrementAndGet() == 0) {
      searchers.close();
      directory.close();
    }
  }

  /** Drops the owner's reference (the generation closes once no request uses it). */
  @Override
  public void close() throws IOException {
    decRef();
  }
}
