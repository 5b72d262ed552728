package io.cratedigger.cli;

import io.cratedigger.config.AppConfig;
import io.cratedigger.ingest.FormatRegistry;
import io.cratedigger.ingest.Importer;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the subcommands, and what it gives. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "config file (default: ${DEFAULT-VALUE})",
      defaultValue = "config/cratedigger.yaml")
  Path file;

  AppConfig load() throws IOException {
    try {
      return AppConfig.load(file);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** The importer for the configured formats (the bundled ones when the file is absent). */
  Importer importer() throws IOException {
    try {
      return new Importer(FormatRegistry.loadOrBundled(load().formats()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
