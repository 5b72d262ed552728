package io.cratedigger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.synth.CatalogGenerator;
import io.cratedigger.track.Track;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackCsvWriterTest {
  @TempDir Path tmp;

  /** Every fixture's tracks, written in our CSV and read back, are equal record by record. */
  @Test
  void everyFixtureRoundTripsThroughOurCsv() throws Exception {
    for (String name :
        List.of(
            "exportify.csv",
            "exportify-old.csv",
            "discogs-collection.csv",
            "beatport-charts.csv",
            "kaggle-1.2m.csv",
            "kaggle-114k.csv",
            "diggerz.csv",
            "cratedigger.jsonl")) {
      Map<String, Track> original = FormatFixturesTest.read(name).tracks();
      Path out = tmp.resolve(name + ".out.csv");
      try (BufferedWriter w = Files.newBufferedWriter(out);
          TrackCsvWriter csv = new TrackCsvWriter(w)) {
        for (Track t : original.values()) {
          csv.write(t);
        }
      }
      List<Track> back = new ArrayList<>();
      CatalogReader reader = new CatalogReader(new Importer(FormatRegistry.bundled()));
      var scan = reader.scan(List.of(out), "auto", p -> Function.identity());
      assertThat(scan.reports().getFirst().format()).isEqualTo("cratedigger");
      reader.read(scan, p -> Function.identity(), back::add);
      assertThat(back).as(name).containsExactlyElementsOf(original.values());
    }
  }

  @Test
  void generatedTracksRoundTrip() throws Exception {
    CatalogGenerator gen = new CatalogGenerator(3);
    List<Track> tracks = new ArrayList<>();
    Path out = tmp.resolve("gen.csv");
    try (BufferedWriter w = Files.newBufferedWriter(out);
        TrackCsvWriter csv = new TrackCsvWriter(w)) {
      for (int i = 0; i < 2000; i++) {
        Track t = gen.next();
        tracks.add(t);
        csv.write(t);
      }
    }
    List<Track> back = new ArrayList<>();
    CatalogReader reader = new CatalogReader(new Importer(FormatRegistry.bundled()));
    reader.read(
        reader.scan(List.of(out), "auto", p -> Function.identity()),
        p -> Function.identity(),
        back::add);
    assertThat(back).containsExactlyElementsOf(tracks);
  }
}
