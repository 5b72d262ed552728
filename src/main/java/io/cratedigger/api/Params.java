package io.cratedigger.api;

import io.javalin.http.Context;
import io.javalin.validation.Validation;
import io.javalin.validation.ValidationError;
import io.javalin.validation.Validator;
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
    String notWhole =
        name + " must be a whole number " + min + ".." + max + ", got \"" + shown(v) + "\"";
    return typed(name, Long.class, v)
        .check(n -> n >= min && n <= max, name + " must be " + min + ".." + max + ", got " + v)
        .getOrThrow(e -> rejected(e, notWhole))
        .intValue();
  }

  /** A whole number in the path (a cluster number), named {@code what} in the answer. */
  int pathInteger(String name, String what) {
    String v = ctx.pathParam(name);
    String notWhole = what + " must be a whole number, got \"" + shown(v) + "\"";
    return typed(name, Integer.class, v).getOrThrow(e -> rejected(e, notWhole));
  }

  Integer optionalInt(String name, int min, int max) {
    return has(name) ? integer(name, 0, min, max) : null;
  }

  Double number(String name, double min, double max) {
    String v = raw(name);
    if (v == null) {
      return null;
    }
    String notNumber = name + " must be a number, got \"" + shown(v) + "\"";
    return typed(name, Double.class, v)
        .check(
            d -> d >= min && d <= max, // false for NaN
            name + " must be " + fmt(min) + ".." + fmt(max) + ", got " + v)
        .getOrThrow(e -> rejected(e, notNumber));
  }

  /** Javalin's validator for {@code value} as a {@code type}, with its registered converters. */
  private <T> Validator<T> typed(String name, Class<T> type, String value) {
    return ctx.appData(Validation.ValidationKey).validator(name, type, value);
  }

  /**
   * A failed validation as a 400: {@code notConverted} when the value is not of the type, else the
   * first failed check's message.
   */
  private static ApiException rejected(
      Map<String, ? extends List<? extends ValidationError<?>>> errors, String notConverted) {
    List<String> messages =
        errors.values().stream().flatMap(List::stream).map(ValidationError::getMessage).toList();
    return ApiException.badRequest(
        messages.isEmpty() || messages.contains(CONVERSION_FAILED)
            ? notConverted
            : messages.getFirst());
  }

  /** Javalin's message for a value its converter refused. */
  private static final String CONVERSION_FAILED = "TYPE_CONVERSION_FAILED";

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
