package io.cratedigger.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Opens exports: recognises CSV or JSON Lines, detects the format from the header, and gives a
 * {@link TrackSource}. {@link #inspect} reads a whole file and reports what an import would keep.
 */
public final class Importer {
  private final FormatRegistry registry;
  private final String encoding;

  public Importer(FormatRegistry registry) {
    this(registry, "auto");
  }

  private Importer(FormatRegistry registry, String encoding) {
    this.registry = registry;
    this.encoding = encoding;
  }

  /**
   * The same importer reading every file in {@code encoding} (a charset name), or detecting each
   * file's encoding with "auto" ({@link TextEncoding}).
   *
   * @throws ImportException when no such charset exists
   */
  public Importer withEncoding(String encoding) {
    if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("auto")) {
      TextEncoding.charset(encoding); // fails early with the names that work
    }
    return new Importer(registry, encoding == null ? "auto" : encoding);
  }

  public FormatRegistry registry() {
    return registry;
  }

  /**
   * Opens {@code file} for reading; {@code wrap} may wrap the raw stream (a progress bar counting
   * bytes). {@code forcedFormat} is a format name or {@code null}/"auto" to detect it.
   *
   * @throws ImportException when the file is missing, empty, or of no known format
   */
  public TrackSource open(Path file, String forcedFormat, Function<InputStream, InputStream> wrap)
      throws IOException {
    if (Files.isDirectory(file)) {
      throw new ImportException("cannot read " + file + ": it is a directory");
    }
    TextEncoding enc;
    InputStream raw;
    try {
      enc = encodingOf(file);
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ImportException("cannot read " + file + ": no such file");
    }
    InputStream wrapped = wrap.apply(raw);
    wrapped.skipNBytes(enc.bom());
    // Bytes that do not decode (a forced encoding that is wrong) become U+FFFD rather than an
    // exception half-way through a big file.
    var decoder =
        enc.charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader in = new BufferedReader(new InputStreamReader(wrapped, decoder), 1 << 16);
    try {
      String name = file.toString();
      TrackSource source =
          looksLikeJsonLines(file, in)
              ? JsonlTrackSource.open(in, name, registry, forcedFormat)
              : CsvTrackSource.open(in, name, registry, forcedFormat);
      return new Encoded(source, enc.how());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Each file version's detected encoding: a rebuild opens every file twice (scan, then index), and
   * auto-detection reads the whole file once, not twice.
   */
  private final java.util.Map<String, TextEncoding> detected =
      new java.util.concurrent.ConcurrentHashMap<>();

  private TextEncoding encodingOf(Path file) throws IOException {
    String version =
        file.toAbsolutePath()
            + "|"
            + Files.size(file)
            + "|"
            + Files.getLastModifiedTime(file).toMillis()
            + "|"
            + encoding;
    TextEncoding known = detected.get(version);
    if (known == null) {
      known = TextEncoding.of(file, encoding);
      detected.put(version, known);
    }
    return known;
  }

  /** A source that also says the encoding its text was read in. */
  private record Encoded(TrackSource source, String encoding) implements TrackSource {
    @Override
    public FormatSpec format() {
      return source.format();
    }

    @Override
    public java.util.Map<String, String> mapping() {
      return source.mapping();
    }

    @Override
    public List<String> ignoredColumns() {
      return source.ignoredColumns();
    }

    @Override
    public MappedRow next() throws IOException {
      return source.next();
    }

    @Override
    public void close() throws IOException {
      source.close();
    }
  }

  /** JSON Lines by extension, or when the first non-blank character opens an object. */
  private static boolean looksLikeJsonLines(Path file, BufferedReader in) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return true;
    }
    in.mark(4096);
    int c;
    int n = 0;
    while ((c = in.read()) != -1 && n++ < 4096) {
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        continue;
      }
      in.reset();
      return c == '{';
    }
    in.reset();
    return false;
  }

  /** Reads the whole file and reports what an import would keep and skip, and why. */
  public ImportReport inspect(
      Path file, String forcedFormat, Function<InputStream, InputStream> wrap) throws IOException {
    try (TrackSource source = open(file, forcedFormat, wrap)) {
      ImportCounter counter = new ImportCounter();
      MappedRow row;
      while ((row = source.next()) != null) {
        counter.count(row);
      }
      return counter.report(file.toString(), source);
    }
  }

  /** The forced format, or the detected one; a clear message when neither fits. */
  static FormatSpec chooseFormat(
      FormatRegistry registry,
      List<String> header,
      boolean json,
      String fileName,
      String forcedFormat) {
    if (forcedFormat != null && !forcedFormat.isBlank() && !forcedFormat.equals("auto")) {
      FormatSpec spec =
          registry
              .byName(forcedFormat)
              .orElseThrow(
                  () ->
                      new ImportException(
                          "unknown format \""
                              + forcedFormat
                              + "\"; known formats: "
                              + String.join(", ", registry.names())));
      if (spec.json() != json) {
        throw new ImportException(
            fileName
                + " is "
                + (json ? "JSON Lines" : "CSV")
                + " but format "
                + spec.name()
                + " is "
                + (spec.json() ? "JSON Lines" : "CSV"));
      }
      return spec;
    }
    return registry
        .detect(header, json)
        .orElseThrow(
            () ->
                new ImportException(
                    fileName
                        + ": no known format has these columns ("
                        + String.join(", ", header.stream().limit(30).toList())
                        + "); known formats: "
                        + String.join(", ", registry.names())
                        + ". Add the export to config/formats.yaml or pass --format"));
  }
}
