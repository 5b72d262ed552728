package io.cratedigger.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The canonical fields a column can map to in {@code config/formats.yaml}. {@code key} is a text
 * key; {@code pitchClass} and {@code mode} are Spotify's numbers, used when no text key is given.
 */
public enum ImportField {
  ID,
  TITLE,
  ARTISTS(true),
  ALBUM,
  LABEL,
  GENRES(true),
  STYLES(true),
  REMIXERS(true),
  YEAR,
  RELEASE_DATE,
  DURATION_MS,
  POPULARITY,
  ISRC,
  PREVIEW_URL,
  DANCEABILITY,
  ENERGY,
  VALENCE,
  ACOUSTICNESS,
  INSTRUMENTALNESS,
  LIVENESS,
  SPEECHINESS,
  LOUDNESS,
  TEMPO,
  KEY,
  PITCH_CLASS,
  MODE,
  TIME_SIGNATURE;

  private static final Map<String, ImportField> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(ImportField::configName, Function.identity()));

  private final boolean list;

  ImportField() {
    this(false);
  }

  ImportField(boolean list) {
    this.list = list;
  }

  /** Whether the field holds several values (artists, genres, styles, remixers). */
  public boolean list() {
    return list;
  }

  /** The camelCase name used in the configuration and in messages, e.g. {@code releaseDate}. */
  public String configName() {
    String[] parts = name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }

  /** The field with that camelCase name, or {@code null}. */
  public static ImportField byConfigName(String name) {
    return BY_NAME.get(name);
  }
}
