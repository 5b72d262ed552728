package io.cratedigger.cli;

import java.io.InputStream;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr, shown only when stderr is a terminal: a log file or a test gets the
 * final report and no bar noise.
 */
final class Progress {
  private Progress() {}

  static boolean interactive() {
    var console = System.console();
    return console != null && console.isTerminal();
  }

  private static ProgressBarBuilder builder(String task) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200)
        .showSpeed();
  }

  /** Wraps a file's stream so the bar follows the bytes read. */
  static Function<InputStream, InputStream> bytes(String task) {
    if (!interactive()) {
      return Function.identity();
    }
    return in -> ProgressBar.wrap(in, builder(task).setUnit(" MB", 1 << 20));
  }

  /** A bar counting {@code total} items, or a no-op one when not on a terminal. */
  static Bar count(String task, long total, String unit) {
    if (!interactive()) {
      return new Bar(null);
    }
    return new Bar(builder(task).setInitialMax(total).setUnit(" " + unit, 1).build());
  }

  /** A bar that may be absent. */
  static final class Bar implements AutoCloseable {
    private final ProgressBar bar;

    private Bar(ProgressBar bar) {
      this.bar = bar;
    }

    void stepBy(long n) {
      if (bar != null) {
        bar.stepBy(n);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
