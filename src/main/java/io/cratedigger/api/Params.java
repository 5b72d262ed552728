package io.cratedigger.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads query parameters (or, for a POST with a JSON body, the body's fields) and checks them,
 * answering a 400 that names the parameter, its range and what was sent.
 */
final class Params {
  /** Longest value accepted for any parameter. */
  static final int MAX_LENGTH = 500;

  private final Context ctx;
  private final Map<String, Object> body;

  Params(Context ctx, Map<String, Object> body) {
    this.ctx = ctx;
    this.body = body == null ? Map.of() : body;
  }

  /** The raw value, or null when absent or blank. */
  String raw(String name) {
    String v;
    Object b = body.get(name);
    if (b != null) {
      v =
          b instanceof List<?> l
              ? String.join(",", l.stream().map(String::valueOf).toList())
              : String.valueOf(b);
    } else {
      v = ctx.queryParam(name);
    }
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > MAX_LENGTH) {
      throw ApiException.badRequest(
          name + " must be at most " + MAX_LENGTH + " characters, got " + v.length());
    }
    return v.strip();
  }

  boolean has(String name) {
    return raw(name) != null;
  }

  String string(String name, String fallback) {
    String v = raw(name);
    return v == null ? fallback : v;
  }

  int integer(String name, int fallback, int min, int max) {
    String v = raw(name);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw ApiException.badRequest(name + " must be " + min + ".." + max + ", got " + v);
      }
      return (int) n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          name + " must be a whole number " + min + ".." + max + ", got \"" + shown(v) + "\"");
    }
  }

  Integer optionalInt(String name, int min, int max) {
    return has(name) ? integer(name, 0, min, max) : null;
  }

  Double number(String name, double min, double max) {
    String v = raw(name);
    if (v == null) {
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a number, got \"" + shown(v) + "\"");
    }
    if (!(d >= min && d <= max)) {
      throw ApiException.badRequest(name + " must be " + fmt(min) + ".." + fmt(max) + ", got " + v);
    }
    return d;
  }

  boolean bool(String name, boolean fallback) {
    String v = raw(name);
    if (v == null) {
      return fallback;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default ->
          throw ApiException.badRequest(name + " must be true or false, got \"" + shown(v) + "\"");
    };
  }

  /** A comma-separated list, values stripped, at most {@code max} of them. */
  List<String> list(String name, int max) {
    String v = raw(name);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    if (out.size() > max) {
      throw ApiException.badRequest(name + " takes at most " + max + " values, got " + out.size());
    }
    return out;
  }

  /** One of {@code allowed} (case-insensitive), or the fallback. */
  String choice(String name, String fallback, String... allowed) {
    String v = raw(name);
    if (v == null) {
      return fallback;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!Set.of(allowed).contains(lower)) {
      throw ApiException.badRequest(
          name + " must be one of " + String.join(", ", allowed) + ", got \"" + shown(v) + "\"");
    }
    return lower;
  }

  static String shown(String v) {
    return v.length() > 40 ? v.substring(0, 37) + "..." : v;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
