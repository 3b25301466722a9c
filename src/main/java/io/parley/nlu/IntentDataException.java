package io.parley.nlu;

import java.util.List;

/** The training data is invalid; the message lists every problem with its file and line. */
public final class IntentDataException extends RuntimeException {

  private final List<String> problems;

  public IntentDataException(List<String> problems) {
    super(problems.size() == 1
        ? problems.get(0)
        : problems.size() + " problems in the intent data:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
