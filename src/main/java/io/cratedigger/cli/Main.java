package io.cratedigger.cli;

import io.cratedigger.BuildInfo;
import io.cratedigger.ingest.ImportException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
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
                  + " (see: "
                  + cmd.getCommandSpec().qualifiedName(" ")
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
   * The version line, {@code cratedigger VERSION (COMMIT)}, from {@link BuildInfo#current()}: what
   * the jar's manifest says, written at build time; "dev" and "unknown" when run from a classes
   * folder.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {line(BuildInfo.current())};
    }

    static String line(BuildInfo build) {
      return "cratedigger " + build.version() + " (" + build.commit() + ")";
    }
  }
}
