package io.cratedigger.search;

import io.cratedigger.index.Generation;
import io.cratedigger.index.LiveIndex;
import java.io.IOException;

/** The embedded index's live generation as a server's {@link TrackSource}. */
public record LuceneSource(LiveIndex live) implements TrackSource {
  @Override
  public <T> T read(Work<T> work) throws IOException {
    return live.search((s, g) -> work.apply(new LuceneTracks(s, g)));
  }

  @Override
  public Served served() {
    Generation g = live.generation();
    return new Served("lucene", g == null ? null : g.name(), g == null ? 0 : g.tracks(), null);
  }
}
