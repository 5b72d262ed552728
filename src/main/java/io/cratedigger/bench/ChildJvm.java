package io.cratedigger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for running a {@code cratedigger} subcommand in a JVM of its own, with the same
 * Java, class path and flags as the launcher gives (the vector module for Lucene's SIMD code), so
 * that a benchmark measures the server or the rebuild as a user runs it, with its own heap.
 */
record ChildJvm(String java, String classpath, String home) {

  /** A child like this JVM: same java binary and class path. */
  static ChildJvm likeThis() {
    return new ChildJvm(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        System.getProperty("java.class.path"),
        System.getProperty("cratedigger.home"));
  }

  /** {@code java -Xmx<heap> ... io.cratedigger.cli.Main args...}. */
  List<String> command(String heap, List<String> properties, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Xmx" + heap);
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (home != null) {
      cmd.add("-Dcratedigger.home=" + home);
    }
    properties.forEach(p -> cmd.add("-D" + p));
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add("io.cratedigger.cli.Main");
    cmd.addAll(args);
    return cmd;
  }
}
