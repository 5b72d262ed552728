package io.cratedigger.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.cratedigger.rank.Component;
import io.cratedigger.search.Recommendations;
import io.cratedigger.search.Retrieval;
import io.cratedigger.track.Key;
import io.cratedigger.track.KeyMove;
import io.cratedigger.track.Track;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the views write, character for character: the shapes of product.md. */
class ViewJsonTest {
  private static final Track SEED =
      Track.builder("te01", "Black Lantern")
          .artists(List.of("Nadia Voss"))
          .styles(List.of("Techno"))
          .tempo(128.0)
          .key(Key.fromCamelot(8, false))
          .build();

  private static final Track NEXT =
      Track.builder("te06", "Grey Matter")
          .artists(List.of("Ilse Kant"))
          .label("Ostgut Ton")
          .styles(List.of("Techno"))
          .tempo(130.0)
          .key(Key.fromCamelot(9, false))
          .build();

  @Test
  void aTrackLeavesOutWhatIsUnknownButKeepsItsLists() {
    assertThat(Json.MAPPER.writeValueAsString(TrackView.of(SEED)))
        .isEqualTo(
            "{\"id\":\"te01\",\"title\":\"Black Lantern\",\"artists\":[\"Nadia Voss\"],"
                + "\"genres\":[],\"styles\":[\"Techno\"],\"bpm\":128.0,\"key\":\"A minor\","
                + "\"camelot\":\"8A\",\"openKey\":\"1m\"}");
  }

  @Test
  void aResultIsTheTrackFlatThenItsScoreMoveComponentsAndReasons() {
    Map<Component, Double> components = new EnumMap<>(Component.class);
    components.put(Component.TEMPO, 0.87);
    components.put(Component.SOUND, 0.74);
    var r =
        new Recommendations.Recommendation(
            NEXT,
            0.81,
            components,
            List.of("128 → 130 BPM, +1.6 %", "8A → 9A, adjacent key"),
            true,
            KeyMove.ADJACENT,
            1.6);
    assertThat(Json.MAPPER.writeValueAsString(ResultView.of(r)))
        .isEqualTo(
            "{\"id\":\"te06\",\"title\":\"Grey Matter\",\"artists\":[\"Ilse Kant\"],"
                + "\"label\":\"Ostgut Ton\",\"genres\":[],\"styles\":[\"Techno\"],\"bpm\":130.0,"
                + "\"key\":\"E minor\",\"camelot\":\"9A\",\"openKey\":\"2m\",\"score\":0.81,"
                + "\"mixable\":true,\"keyMove\":\"adjacent\",\"bpmChangePct\":1.6,"
                + "\"components\":{\"sound\":0.74,\"tempo\":0.87},"
                + "\"reasons\":[\"128 → 130 BPM, +1.6 %\",\"8A → 9A, adjacent key\"]}");
  }

  @Test
  void anUnknownMoveIsWrittenAsNullNotLeftOut() {
    var r =
        new Recommendations.Recommendation(
            NEXT.toBuilder().key(null).tempo(null).build(),
            0.5,
            Map.of(),
            List.of(),
            false,
            null,
            null);
    assertThat(Json.MAPPER.writeValueAsString(ResultView.of(r)))
        .endsWith(
            "\"score\":0.5,\"mixable\":false,\"keyMove\":null,\"bpmChangePct\":null,"
                + "\"components\":{},\"reasons\":[]}");
  }

  @Test
  void theStatisticsNameTheRetrievalsByTheirCodes() {
    Map<Retrieval, Double> retrievals = new EnumMap<>(Retrieval.class);
    retrievals.put(Retrieval.SCENE_MIX_KNN, 2.5);
    retrievals.put(Retrieval.LEXICAL, 0.5);
    var stats =
        new Recommendations.Stats(
            110,
            0,
            30,
            140,
            Map.of("tempo", 140),
            10,
            10,
            null,
            new Recommendations.Timings(3.1, 1.2, 0.4, retrievals));
    var answer = new Recommendations(List.of(), SEED, List.of(), stats);
    assertThat(Json.MAPPER.writeValueAsString(AnswerView.Similar.of(answer)))
        .endsWith(
            "\"results\":[],\"stats\":{\"lexicalPool\":110,\"knnPool\":0,\"mixablePool\":30,"
                + "\"candidates\":140,\"afterRules\":{\"tempo\":140},\"returned\":10,"
                + "\"mixableReturned\":10,\"ms\":{\"retrieve\":3.1,\"score\":1.2,\"rank\":0.4,"
                + "\"retrievals\":{\"lexical\":0.5,\"sceneMixKnn\":2.5}}}}");
  }

  @Test
  void theCamelotTableMovesFromEveryKeyToEveryKey() {
    assertThat(KeysView.CAMELOT.names()).hasSize(24).containsEntry("8A", "A minor");
    assertThat(KeysView.CAMELOT.moves().get("8A"))
        .containsEntry("8A", "perfect")
        .containsEntry("9A", "adjacent")
        .containsEntry("8B", "relative")
        .containsEntry("2A", "clash");
  }
}
