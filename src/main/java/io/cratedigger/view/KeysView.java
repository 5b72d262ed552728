package io.cratedigger.view;

import io.cratedigger.track.Key;
import io.cratedigger.track.KeyMove;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Camelot wheel's rules as data, for the page: every key's code and name, the move from each
 * key to every key ({@code moves["8A"]["9A"] = "adjacent"}) and which moves are compatible by
 * default.
 */
public record KeysView(
    Map<String, String> names, Map<String, Map<String, String>> moves, List<String> compatible) {

  /** The table, the same for every request. */
  public static final KeysView CAMELOT = build();

  private static KeysView build() {
    List<Key> all = new ArrayList<>();
    for (boolean major : new boolean[] {false, true}) {
      for (int n = 1; n <= 12; n++) {
        all.add(Key.fromCamelot(n, major));
      }
    }
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Map<String, String>> moves = new LinkedHashMap<>();
    for (Key from : all) {
      names.put(from.camelot(), from.name());
      Map<String, String> row = new LinkedHashMap<>();
      for (Key to : all) {
        row.put(to.camelot(), from.moveTo(to).code());
      }
      moves.put(from.camelot(), row);
    }
    List<String> compatible =
        Arrays.stream(KeyMove.values()).filter(KeyMove::compatible).map(KeyMove::code).toList();
    return new KeysView(names, moves, compatible);
  }
}
