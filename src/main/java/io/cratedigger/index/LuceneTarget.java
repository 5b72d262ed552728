package io.cratedigger.index;

import io.cratedigger.model.FeatureModel;
import io.cratedigger.model.SceneModel;
import io.cratedigger.track.Track;
import io.cratedigger.view.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded index as a rebuild's target: a new generation folder under the store, written by one
 * {@link IndexWriter} (HNSW merges on every core), published by the store's atomic pointer swap.
 * Holds the store's rebuild lock from {@link #open} to {@link #close}.
 */
public final class LuceneTarget implements BuildTarget {
  private final IndexStore store;
  private final IndexStore.RebuildLock lock;
  private final Path gen;
  private final ExecutorService mergeWorkers;
  private final Directory dir;
  private IndexWriter writer;
  private boolean published;

  private LuceneTarget(IndexStore store, IndexStore.RebuildLock lock, Path gen, BuildOptions o)
      throws IOException {
    this.store = store;
    this.lock = lock;
    this.gen = gen;
    this.mergeWorkers = Executors.newFixedThreadPool(o.threads());
    this.dir = FSDirectory.open(IndexStore.luceneDir(gen));
    this.writer = new IndexWriter(dir, writerConfig(o, mergeWorkers));
  }

  /**
   * Takes the store's rebuild lock and starts a new generation.
   *
   * @throws IndexBusyException when another rebuild holds the lock
   */
  public static LuceneTarget open(IndexStore store, BuildOptions options) throws IOException {
    IndexStore.RebuildLock lock = store.lock();
    Path gen = null;
    try {
      gen = store.newGeneration(lock);
      return new LuceneTarget(store, lock, gen, options);
    } catch (IOException | RuntimeException e) {
      if (gen != null) {
        IndexStore.deleteTree(gen);
      }
      lock.close();
      throw e;
    }
  }

  private static IndexWriterConfig writerConfig(BuildOptions o, ExecutorService mergeWorkers) {
    IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.forIndexing());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    cfg.setRAMBufferSizeMB(o.ramBufferMb());
    int maxConn = o.hnswMaxConn();
    int beam = o.hnswBeamWidth();
    int workers = o.threads();
    cfg.setCodec(
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            // merges rebuild the graph; let them use every core
            // Lucene refuses an executor for a single merge worker
            return workers > 1
                ? new Lucene99HnswVectorsFormat(maxConn, beam, workers, mergeWorkers)
                : new Lucene99HnswVectorsFormat(maxConn, beam);
          }
        });
    return cfg;
  }

  @Override
  public String name() {
    return gen.getFileName().toString();
  }

  @Override
  public String location() {
    return store.root().toString();
  }

  /** The new generation's folder. */
  public Path folder() {
    return gen;
  }

  @Override
  public void saveModel(FeatureModel model) throws IOException {
    model.save(gen.resolve(FeatureModel.FILE_NAME));
  }

  @Override
  public void add(Track track, float[] vector, int cluster, boolean imputed) throws IOException {
    writer.addDocument(TrackDocuments.toDocument(track, vector, cluster, imputed));
  }

  @Override
  public int complete() throws IOException {
    writer.commit();
    writer.close();
    writer = null;
    mergeWorkers.shutdown();
    return SegmentInfos.readLatestCommit(dir).size();
  }

  @Override
  public void saveScenes(SceneModel scenes) throws IOException {
    scenes.save(gen.resolve(SceneModel.FILE_NAME));
  }

  @Override
  public void verify(long indexed, boolean vectors) throws IOException {
    try (Generation g = Generation.open(gen)) {
      var s = g.searchers().acquire();
      try {
        if (s.getIndexReader().numDocs() != indexed) {
          throw new IllegalStateException(
              "the new index holds "
                  + s.getIndexReader().numDocs()
                  + " documents, expected "
                  + indexed);
        }
        var first = s.getIndexReader().storedFields().document(0).getBinaryValue(Schema.SOURCE);
        Track t = TrackDocuments.fromSource(first);
        if (s.count(KeywordField.newExactQuery(Schema.ID, t.id())) != 1) {
          throw new IllegalStateException("the new index does not find track " + t.id() + " by id");
        }
        if (vectors) {
          float[] probe = new float[g.model().dimensions()];
          if (s.search(new KnnFloatVectorQuery(Schema.VECTOR, probe, 1), 1).scoreDocs.length == 0) {
            throw new IllegalStateException("the new index answers no vector query");
          }
        }
      } finally {
        g.searchers().release(s);
      }
    }
  }

  @Override
  public void saveReport(IndexReport report) throws IOException {
    Files.writeString(gen.resolve("report.json"), Json.PRETTY.writeValueAsString(report));
  }

  @Override
  public void publish() throws IOException {
    store.publish(lock, gen);
    published = true;
  }

  @Override
  public List<String> cleanup() throws IOException {
    return store.cleanup(lock).stream().map(p -> p.getFileName().toString()).toList();
  }

  @Override
  public void abort() {
    try {
      closeWriter();
      IndexStore.deleteTree(gen);
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(LuceneTarget.class)
          .warn("could not remove the unfinished generation {}: {}", gen, e.toString());
    }
  }

  private void closeWriter() throws IOException {
    if (writer != null) {
      writer.rollback(); // closes without committing
      writer = null;
    }
    mergeWorkers.shutdown();
  }

  @Override
  public void close() throws IOException {
    try {
      if (!published) {
        closeWriter();
      }
      dir.close();
    } finally {
      lock.close();
    }
  }
}
