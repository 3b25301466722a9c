package io.parley;

import io.parley.cli.ChatCommand;
import io.parley.cli.ClassifyCommand;
import io.parley.cli.Cli;
import io.parley.cli.EvalCommand;
import io.parley.cli.HashPasswordCommand;
import io.parley.cli.ServeCommand;
import java.util.List;

/** The entry point: {@code java -jar target/parley.jar <command> ...}. */
public final class App {

  private App() {
  }

  public static Cli cli() {
    return new Cli(List.of(new ServeCommand(), new ChatCommand(), new ClassifyCommand(), new EvalCommand(),
        new HashPasswordCommand()));
  }

  public static void main(String[] args) {
    int code = cli().run(args, System.in, System.out, System.err);
    if (code != 0 || !(args.length > 0 && args[0].equals("serve"))) {
      System.exit(code);
    }
  }
}
