package io.cratedigger.cli;

import io.cratedigger.ingest.ImportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * The {@code cratedigger} command. Exit codes: 0 success, 1 bad input or usage (a one-line reason
 * on stderr), 2 internal error.
 */
@Command(
    name = "cratedigger",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Track recommendations for DJs and record collectors, on Apache Lucene.",
    subcommands = {
      InspectCommand.class,
      IndexCommand.class,
      ServeCommand.class,
      DiscogsCommand.class,
      DiscogsCollectionCommand.class,
      SearchCommand.class,
      SimilarCommand.class,
      GenerateCommand.class,
      BenchCommand.class
    })
public final class Main implements Runnable {

  public static final int OK = 0;
  public static final int BAD_INPUT = 1;
  public static final int INTERNAL_ERROR = 2;

  /**
   * Lucene's loggers (java.util.logging), held here: JUL keeps loggers only weakly, and one that is
   * collected forgets the level set on it.
   */
  private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    quietLucene();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Lucene logs at INFO on every start that it found the vector module ("Java vector incubator API
   * enabled; uses preferredBitSize=256"): news for Lucene's developers, noise on every command. Its
   * warnings and errors still show.
   */
  static void quietLucene() {
    LUCENE.setLevel(Level.WARNING);
  }

  /** Runs the command line with the given streams; returns the exit code. Used by tests too. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(usageError());
    cli.setExecutionExceptionHandler(executionError());
    cli.setExitCodeExceptionMapper(e -> INTERNAL_ERROR);
    return cli.execute(args);
  }

  private static IParameterExceptionHandler usageError() {
    return (ParameterException e, String[] args) -> {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr()
          .println(
              "cratedigger: "
                  + e.getMessage()
                  + " (see: cratedigger "
                  + cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^cratedigger ?", "")
                  + " --help)");
      return BAD_INPUT;
    };
  }

  private static IExecutionExceptionHandler executionError() {
    return (Exception e, CommandLine cmd, CommandLine.ParseResult parsed) -> {
      if (e instanceof ImportException
          || e instanceof BadInputException
          || e instanceof IllegalArgumentException
          || e instanceof io.cratedigger.NotFoundException
          || e instanceof io.cratedigger.index.IndexBusyException) {
        cmd.getErr().println("cratedigger: " + e.getMessage());
        return BAD_INPUT;
      }
      cmd.getErr().println("cratedigger: internal error: " + e);
      if (System.getenv("CRATEDIGGER_DEBUG") != null) {
        e.printStackTrace(cmd.getErr());
      } else {
        cmd.getErr().println("(set CRATEDIGGER_DEBUG=1 for the stack trace)");
      }
      return INTERNAL_ERROR;
    };
  }

  /**
   * The version line, {@code cratedigger VERSION (COMMIT)}: what the jar's manifest says, written
   * at build time (Implementation-Version from the pom, Cratedigger-Commit and
   * Cratedigger-Commit-Dirty from git); "dev" and "unknown" when run from a classes folder.
   */
  static final class Version implements CommandLine.IVersionProvider {
    static final String UNKNOWN_COMMIT = "unknown";
    private static final Pattern COMMIT_HASH = Pattern.compile("[0-9a-f]{4,40}");

    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "cratedigger " + (version == null ? "dev" : version) + " (" + commit(manifest()) + ")"
      };
    }

    /**
     * The commit a manifest names, {@code 1a2b3c4}, or {@code 1a2b3c4-dirty} when the work tree had
     * uncommitted changes; "unknown" without one. A build without .git (a source tarball) leaves
     * the entry empty (or, with other Maven versions, an unresolved {@code ${...}}): not a hash.
     */
    static String commit(Manifest manifest) {
      if (manifest == null) {
        return UNKNOWN_COMMIT;
      }
      Attributes main = manifest.getMainAttributes();
      String id = main.getValue("Cratedigger-Commit");
      if (id == null || !COMMIT_HASH.matcher(id).matches()) {
        return UNKNOWN_COMMIT;
      }
      return "true".equals(main.getValue("Cratedigger-Commit-Dirty")) ? id + "-dirty" : id;
    }

    /**
     * The manifest of the jar this class was loaded from, not the first one on the class path (a
     * release runs with {@code -cp lib/*}); null when run from classes.
     */
    private static Manifest manifest() {
      CodeSource source = Main.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      try {
        Path location = Path.of(source.getLocation().toURI());
        if (!Files.isRegularFile(location)) {
          return null;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
          return jar.getManifest();
        }
      } catch (IOException | URISyntaxException | IllegalArgumentException e) {
        return null;
      }
    }
  }
}
