package io.parley.conversation;

import java.util.List;

/** A message Parley sends into a conversation (bot, agent or system), before it is stored. */
public record OutboundMessage(Author from, String text, List<QuickReply> quickReplies, String intent, String agentName) {

  public OutboundMessage {
    quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
  }

  public static OutboundMessage bot(String text, List<QuickReply> quickReplies, String intent) {
    return new OutboundMessage(Author.BOT, text, quickReplies, intent, null);
  }

  TranscriptEntry toEntry(java.time.Instant ts) {
    return new TranscriptEntry(0, from, text, ts, quickReplies, intent, agentName, null, null);
  }
}
