package io.cratedigger.view;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper: the HTTP API, the command line's {@code --json}, the request log, the
 * reports and the model files all write through it, so a view record reads the same everywhere.
 * Records are written in declaration order; {@link #PRETTY} indents for people.
 */
public final class Json {
  private Json() {}

  /** Compact: HTTP answers, one-line logs, stored documents. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Indented: what the command line prints and the files people read. */
  public static final ObjectWriter PRETTY = MAPPER.writer(SerializationFeature.INDENT_OUTPUT);
}
