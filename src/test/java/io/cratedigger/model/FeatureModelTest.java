package io.cratedigger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cratedigger.synth.CatalogGenerator;
import io.cratedigger.track.AudioFeature;
import io.cratedigger.track.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureModelTest {

  private static List<Track> catalog;
  private static FeatureModel model;

  @BeforeAll
  static void fit() {
    CatalogGenerator gen = new CatalogGenerator(7);
    catalog = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      catalog.add(gen.next());
    }
    model = FeatureModel.fit(catalog, 11);
  }

  @Test
  void savedAndLoadedModelGivesIdenticalVectorsAndClusters(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(FeatureModel.FILE_NAME);
    model.save(file);
    FeatureModel loaded = FeatureModel.load(file);

    assertThat(loaded.report()).isEqualTo(model.report());
    assertThat(loaded.clusters()).isEqualTo(model.clusters());
    assertThat(loaded.dimensions()).isEqualTo(model.dimensions());
    int compared = 0;
    for (Track t : catalog) {
      float[] v = model.vector(t);
      float[] w = loaded.vector(t);
      assertThat(w).as(t.id()).isEqualTo(v); // Arrays.equals: bit-for-bit
      assertThat(loaded.cluster(w)).isEqualTo(model.cluster(v));
      assertThat(loaded.imputed(t)).isEqualTo(model.imputed(t));
      compared += v == null ? 0 : 1;
    }
    assertThat(compared).isGreaterThan(2_800);
    // A second save of the loaded model writes the same file.
    Path again = dir.resolve("again.json");
    loaded.save(again);
    assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
  }

  @Test
  void theJsonFormGivesIdenticalVectorsAndSavesTheSameFile(@TempDir Path dir) throws IOException {
    String json = model.toJson();
    assertThat(json.lines().count()).isEqualTo(1); // compact, for a stored document
    FeatureModel read = FeatureModel.fromJson(json, "cratedigger-gen-000001/model");
    for (Track t : catalog) {
      assertThat(read.vector(t)).as(t.id()).isEqualTo(model.vector(t));
    }
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    model.save(a);
    read.save(b);
    assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    assertThatThrownBy(() -> FeatureModel.fromJson("{\"format\": 2}", "gen-x/model"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("gen-x/model has model format 2");
  }

  @Test
  void fileIsReadableJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(FeatureModel.FILE_NAME);
    model.save(file);
    String json = Files.readString(file);
    assertThat(json)
        .contains("\"format\" : 1")
        .contains("\"features\" : [ \"danceability\", \"energy\"")
        .contains("\"silhouetteByK\"")
        .contains("\"profile\"");
    assertThat(json.lines().count()).isGreaterThan(50); // indented, one value a line
  }

  @Test
  void trackWithoutFeaturesHasNoVectorAndNoCluster() {
    Track bare = Track.builder("x1", "No Features").tempo(124.0).build();
    assertThat(model.vector(bare)).isNull();
    assertThat(model.cluster(model.vector(bare))).isEqualTo(-1);
    assertThat(model.imputed(bare)).isFalse();
  }

  @Test
  void trackWithOnlyEnergyGetsAnImputedVector() {
    Track t = Track.builder("x2", "Energy Only").feature(AudioFeature.ENERGY, 0.9).build();
    float[] v = model.vector(t);
    assertThat(v).hasSize(model.dimensions());
    assertThat(model.imputed(t)).isTrue();
    assertThat(model.cluster(v)).isBetween(0, model.clusters().size() - 1);
    // Higher energy with everything else imputed moves the vector: energy isn't ignored.
    float[] low =
        model.vector(Track.builder("x3", "Low Energy").feature(AudioFeature.ENERGY, 0.1).build());
    assertThat(low).isNotEqualTo(v);
  }

  @Test
  void completeTrackIsNotImputed() {
    Track full = catalog.stream().filter(t -> t.energy() != null).findFirst().orElseThrow();
    assertThat(model.imputed(full)).isFalse();
  }

  @Test
  void vectorOfWrongLengthIsRejected() {
    assertThatThrownBy(() -> model.cluster(new float[model.dimensions() + 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "vector must have " + model.dimensions() + " values, got " + (model.dimensions() + 1));
  }

  @Test
  void tooFewTracksWithFeaturesIsRefusedWithTheCounts() {
    List<Track> few = new ArrayList<>(catalog.subList(0, 40));
    for (int i = 0; i < 100; i++) {
      few.add(Track.builder("bare" + i, "Bare " + i).build());
    }
    int withFeatures = (int) few.stream().filter(Track::hasAudioFeatures).count();
    assertThatThrownBy(() -> FeatureModel.fit(few, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the feature model needs at least 50 tracks with audio features, the sample has "
                + withFeatures
                + " (of 140 tracks): import a catalog with audio features first");
  }

  @Test
  void featureNoTrackHasIsLeftOut() {
    List<Track> noLiveness = new ArrayList<>();
    for (Track t : catalog.subList(0, 500)) {
      noLiveness.add(t.toBuilder().feature(AudioFeature.LIVENESS, null).build());
    }
    FeatureModel m = FeatureModel.fit(noLiveness, 3);
    assertThat(m.report().features()).doesNotContain("liveness").hasSize(7);
    // Without liveness in the model, a track missing only liveness is complete.
    assertThat(m.imputed(noLiveness.get(0))).isEqualTo(!noLiveness.get(0).hasAudioFeatures());
    assertThat(m.clusters().get(0).profile()).doesNotContainKey("liveness");
  }

  @Test
  void fileOfAnotherFormatIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(FeatureModel.FILE_NAME);
    model.save(file);
    Files.writeString(file, Files.readString(file).replace("\"format\" : 1", "\"format\" : 9"));
    assertThatThrownBy(() -> FeatureModel.load(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + " has model format 9, this version reads 1: rebuild the index");
  }

  @Test
  void truncatedFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(FeatureModel.FILE_NAME);
    model.save(file);
    String json = Files.readString(file);
    Files.writeString(file, json.substring(0, json.length() / 2));
    assertThatThrownBy(() -> FeatureModel.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + " is not a feature model: ");
  }

  @Test
  void inconsistentFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(FeatureModel.FILE_NAME);
    model.save(file);
    String json = Files.readString(file);
    Files.writeString(file, json.replace("\"danceability\"", "\"groove\""));
    assertThatThrownBy(() -> FeatureModel.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unknown feature \"groove\"");
  }

  /**
   * Four sounds no one would confuse, 150 tracks each with a little noise: peak-time club
   * instrumentals, quiet acoustic instrumentals, rap, and bright live band recordings. The model
   * must find exactly these four and name them for what sets them apart.
   */
  @Test
  void separatesObviousGroupsAndNamesThem() {
    double[][] centres = {
      // dance, energy, valence, acoustic, instrumental, liveness, speech, loudness
      {0.85, 0.92, 0.45, 0.03, 0.85, 0.10, 0.05, -5},
      {0.30, 0.15, 0.25, 0.92, 0.90, 0.10, 0.04, -20},
      {0.80, 0.65, 0.50, 0.15, 0.02, 0.12, 0.40, -6},
      {0.45, 0.70, 0.80, 0.35, 0.03, 0.85, 0.06, -8},
    };
    SplittableRandom rng = new SplittableRandom(5);
    List<Track> tracks = new ArrayList<>();
    AudioFeature[] f = AudioFeature.values();
    for (int g = 0; g < centres.length; g++) {
      for (int i = 0; i < 150; i++) {
        Track.Builder b = Track.builder("g" + g + "-" + i, "Track " + i);
        for (int j = 0; j < f.length; j++) {
          double spread = f[j] == AudioFeature.LOUDNESS ? 1.0 : 0.03;
          double v = centres[g][j] + spread * rng.nextGaussian();
          b.feature(f[j], Math.max(f[j].min(), Math.min(f[j].max(), v)));
        }
        tracks.add(b.build());
      }
    }
    FeatureModel m = FeatureModel.fit(tracks, 1);

    assertThat(m.report().k()).isEqualTo(4);
    int[] clusterOf = new int[centres.length];
    for (int g = 0; g < centres.length; g++) {
      clusterOf[g] = m.cluster(m.vector(tracks.get(g * 150)));
      for (int i = 0; i < 150; i++) {
        assertThat(m.cluster(m.vector(tracks.get(g * 150 + i))))
            .as("track %d of group %d", i, g)
            .isEqualTo(clusterOf[g]);
      }
    }
    assertThat(clusterOf).doesNotHaveDuplicates();
    assertThat(name(m, clusterOf[0])).isEqualTo("high energy, danceable, electronic");
    assertThat(name(m, clusterOf[1])).isEqualTo("quiet, acoustic, undanceable");
    assertThat(name(m, clusterOf[2])).isEqualTo("spoken, vocal, danceable");
    assertThat(name(m, clusterOf[3])).isEqualTo("live, bright, vocal");
    for (Cluster c : m.clusters()) {
      assertThat(c.share()).isEqualTo(0.25);
    }
    // The profile is in feature units: group 1's loudness was -20 dB.
    assertThat(m.clusters().get(clusterOf[1]).profile().get("loudness"))
        .isCloseTo(-20, within(0.5));
    assertThat(m.clusters().get(clusterOf[0]).profile().get("energy"))
        .isCloseTo(0.92, within(0.02));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static String name(FeatureModel m, int cluster) {
    return m.clusters().get(cluster).name();
  }
}
