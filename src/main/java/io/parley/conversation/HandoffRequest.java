package io.parley.conversation;

/**
 * The bot's decision that a person must take the conversation: which team, how urgent, why.
 *
 * @param team one of the fixed team ids (contracts §1): trading_desk, complaints, account_services, general
 * @param priority higher is served first: trade problem > confirmed trade instruction > complaint > the rest
 * @param intent the intent id that led to the handoff
 * @param summary one line for the agent's queue view, in the customer's words where possible
 * @param caseId the case created with the handoff (T-, C-, F- ...), or null
 */
public record HandoffRequest(String team, int priority, String intent, String summary, String caseId) {

  public static final String TRADING_DESK = "trading_desk";
  public static final String COMPLAINTS = "complaints";
  public static final String ACCOUNT_SERVICES = "account_services";
  public static final String GENERAL = "general";

  /** Priorities (contracts: trade problem > confirmed trade instruction > complaint > the rest). */
  public static final int PRIORITY_TRADE_PROBLEM = 40;
  public static final int PRIORITY_TRADE_INSTRUCTION = 30;
  public static final int PRIORITY_COMPLAINT = 20;
  public static final int PRIORITY_OTHER = 10;
}
