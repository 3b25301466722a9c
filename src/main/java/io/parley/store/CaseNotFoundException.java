package io.parley.store;

/** No case has that id. */
public final class CaseNotFoundException extends RuntimeException {
  public CaseNotFoundException(String caseId) {
    super("no case " + caseId);
  }
}
