package io.cratedigger.index;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Function;

/** What a rebuild tells a person while it runs (the CLI draws progress bars from it). */
public interface BuildListener {
  BuildListener NONE = new BuildListener() {};

  /** Wraps the stream of {@code file} read in {@code phase} (e.g. to count bytes). */
  default Function<InputStream, InputStream> reading(String phase, Path file) {
    return Function.identity();
  }

  /** A phase starts: {@code scan}, {@code model}, {@code index}, {@code verify}. */
  default void phase(String name, long total) {}

  /** {@code n} more tracks indexed. */
  default void indexed(long n) {}

  /** The phase that started last has ended. */
  default void phaseDone() {}
}
