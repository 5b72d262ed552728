package io.cratedigger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a benchmark ran on, so that a figure is never quoted without it: processor, cores,
 * memory, system, JVM, and a calibration, the single-core SHA-256 speed, which tells two runs on
 * "the same" shared machine apart (on this project's build machine it has varied by a factor of two
 * from one day to the next).
 *
 * @param sha256MbPerSecond median of three passes over 64 MB on one core
 */
public record Machine(
    String date,
    String cpu,
    int cores,
    long memoryMb,
    String os,
    String java,
    long maxHeapMb,
    double sha256MbPerSecond) {

  /** This machine, now (the calibration takes about a second). */
  public static Machine here() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun.getTotalMemorySize() >> 20
            : -1;
    return new Machine(
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        cpuModel().orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + os.getArch(),
        System.getProperty("java.vm.vendor") + " " + Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        sha256Speed());
  }

  /** One line: "AMD EPYC, 2 cores, 24,105 MB, Linux ..., SHA-256 612 MB/s". */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %,d MB memory, %s, %s, calibration SHA-256 %.0f MB/s on one core",
        cpu,
        cores,
        memoryMb,
        os,
        java,
        sha256MbPerSecond);
  }

  private static Optional<String> cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static double sha256Speed() {
    byte[] block = new byte[1 << 20];
    new java.util.SplittableRandom(1).nextBytes(block);
    double[] speeds = new double[3];
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < 16; i++) { // warm-up: let the JIT compile the digest
        sha.update(block);
      }
      for (int pass = 0; pass < speeds.length; pass++) {
        long t = System.nanoTime();
        for (int i = 0; i < 64; i++) {
          sha.update(block);
        }
        sha.digest();
        speeds[pass] = 64 / ((System.nanoTime() - t) / 1e9);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    return Math.round(Stats.median(speeds));
  }
}
