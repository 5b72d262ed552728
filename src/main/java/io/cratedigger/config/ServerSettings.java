package io.cratedigger.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's settings, each with where it came from. Later sources win: the built-in default,
 * then the configuration file, then an environment variable, then a command-line flag.
 *
 * <table>
 *   <caption>Where each setting can be given</caption>
 *   <tr><th>setting<th>default<th>file<th>environment<th>flag
 *   <tr><td>index folder<td>index<td>index<td>CRATEDIGGER_INDEX<td>--index
 *   <tr><td>port<td>8080<td>server.port<td>CRATEDIGGER_PORT<td>--port
 *   <tr><td>host<td>127.0.0.1<td>server.host<td>CRATEDIGGER_HOST<td>--host
 *   <tr><td>metrics<td>true<td>server.metrics<td>CRATEDIGGER_METRICS<td>--[no-]metrics
 *   <tr><td>log format<td>text<td>server.logFormat<td>CRATEDIGGER_LOG_FORMAT<td>--log-format
 * </table>
 */
public record ServerSettings(
    Setting<Path> index,
    Setting<Integer> port,
    Setting<String> host,
    Setting<Boolean> metrics,
    Setting<String> logFormat) {

  /** The request log's formats: readable text, or one JSON object per line. */
  public static final Set<String> LOG_FORMATS = Set.of("text", "json");

  /** A value and where it came from: {@code default}, {@code file}, the variable or the flag. */
  public record Setting<T>(T value, String source) {
    @Override
    public String toString() {
      return value + " (" + source + ")";
    }
  }

  /** What the command line gave; null for a flag not given. */
  public record Flags(Path index, Integer port, String host, Boolean metrics, String logFormat) {}

  /**
   * The settings from {@code config} (its file's values, defaults for the rest), {@code env} and
   * {@code flags}.
   *
   * @throws IllegalArgumentException naming the variable or flag whose value is not valid
   */
  public static ServerSettings resolve(AppConfig config, Map<String, String> env, Flags flags) {
    AppConfig.Server file = config.server();
    Setting<Path> index = new Setting<>(config.index(), "default or file");
    String envIndex = env.get("CRATEDIGGER_INDEX");
    if (envIndex != null && !envIndex.isBlank()) {
      index = new Setting<>(Path.of(envIndex), "CRATEDIGGER_INDEX");
    }
    if (flags.index() != null) {
      index = new Setting<>(flags.index(), "--index");
    }
    return new ServerSettings(
        index,
        pick(
            8080,
            file.port(),
            env,
            "CRATEDIGGER_PORT",
            ServerSettings::port,
            flags.port(),
            "--port"),
        pick(
            "127.0.0.1",
            file.host(),
            env,
            "CRATEDIGGER_HOST",
            ServerSettings::host,
            flags.host(),
            "--host"),
        pick(
            true,
            file.metrics(),
            env,
            "CRATEDIGGER_METRICS",
            ServerSettings::bool,
            flags.metrics(),
            "--[no-]metrics"),
        pick(
            "text",
            file.logFormat(),
            env,
            "CRATEDIGGER_LOG_FORMAT",
            ServerSettings::logFormat,
            flags.logFormat() == null ? null : logFormat(flags.logFormat(), "--log-format"),
            "--log-format"));
  }

  /** Reads a variable's text into a value, or fails naming the variable. */
  @FunctionalInterface
  private interface Parse<T> {
    T parse(String text, String where);
  }

  private static <T> Setting<T> pick(
      T builtIn,
      T inFile,
      Map<String, String> env,
      String variable,
      Parse<T> parse,
      T flag,
      String flagName) {
    Setting<T> s = new Setting<>(builtIn, "default");
    if (inFile != null) {
      s = new Setting<>(inFile, "file");
    }
    String v = env.get(variable);
    if (v != null && !v.isBlank()) {
      s = new Setting<>(parse.parse(v.strip(), variable), variable);
    }
    if (flag != null) {
      s = new Setting<>(flag, flagName);
    }
    return s;
  }

  private static Integer port(String text, String where) {
    try {
      int p = Integer.parseInt(text);
      if (p >= 0 && p <= 65_535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(where + " must be a port 0..65535, got " + text);
  }

  private static String host(String text, String where) {
    return text;
  }

  private static Boolean bool(String text, String where) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new IllegalArgumentException(where + " must be true or false, got " + text);
    };
  }

  private static String logFormat(String text, String where) {
    String f = text.toLowerCase(Locale.ROOT);
    if (!LOG_FORMATS.contains(f)) {
      throw new IllegalArgumentException(where + " must be text or json, got " + text);
    }
    return f;
  }

  /** Setting → value and source, for the log at start. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("index", index.toString());
    out.put("port", port.toString());
    out.put("host", host.toString());
    out.put("metrics", metrics.toString());
    out.put("logFormat", logFormat.toString());
    return out;
  }
}
