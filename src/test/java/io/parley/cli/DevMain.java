package io.parley.cli;

import java.util.Arrays;
import java.util.List;

/** Runs classify or eval in-process (for development, until the entry point registers them). */
public final class DevMain {
  public static void main(String[] args) throws Exception {
    List<Command> commands = List.of(new ClassifyCommand(), new EvalCommand());
    for (Command c : commands) {
      if (c.name().equals(args[0])) {
        int rc;
        try {
          rc = c.run(Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err);
        } catch (UsageException e) {
          System.err.println(e.getMessage());
          System.err.print(c.usage());
          rc = 2;
        }
        System.exit(rc);
      }
    }
    System.err.println("unknown command " + args[0]);
    System.exit(2);
  }
}
