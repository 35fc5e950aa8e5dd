package io.customerservice.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --conf} option, shared by every command that reads the configuration. */
final class ConfOption {

  @Option(names = "--conf", paramLabel = "FILE",
      description = "A JSON file of keys to override (any subset of conf/application.json).")
  Path file;
}
