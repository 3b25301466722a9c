package io.parley.flow;

import io.parley.bot.TextCatalog;
import io.parley.conversation.Author;
import io.parley.conversation.Conversation;
import io.parley.conversation.OutboundMessage;
import io.parley.nlu.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Demo verification: any customer number of 6 to 12 digits, and a random six-digit code delivered as
 * a system message in the same conversation ("demo mode"), valid for a few minutes. Only a salted
 * hash of the code is kept in the conversation state, and the code is never logged. Not for
 * production: anyone can "verify" as any customer number.
 */
public final class DemoOneTimeCodeVerifier implements IdentityVerifier {

  private static final Pattern CUSTOMER_NUMBER = Pattern.compile("\\d{6,12}");
  private static final String HASH = "codeHash";
  private static final String ISSUED = "codeIssued";

  private final SecureRandom random = new SecureRandom();
  private final TextCatalog texts;
  private final Duration validity;

  public DemoOneTimeCodeVerifier(TextCatalog texts, Duration validity) {
    this.texts = texts;
    this.validity = validity;
  }

  @Override
  public boolean plausible(String customerNumber) {
    return customerNumber != null && CUSTOMER_NUMBER.matcher(customerNumber).matches();
  }

  @Override
  public Challenge challenge(Conversation c, String customerNumber, Language lang, Instant now) {
    String code = String.format("%06d", random.nextInt(1_000_000));
    Map<String, String> state = Map.of(HASH, hash(c.id(), code), ISSUED, String.valueOf(now.toEpochMilli()));
    OutboundMessage delivery = new OutboundMessage(Author.SYSTEM,
        texts.text("verify.demo_code", lang, Map.of("code", code, "minutes", String.valueOf(validity.toMinutes()))),
        List.of(), null, null);
    return new Challenge(state, List.of(delivery));
  }

  @Override
  public Result check(Conversation c, Map<String, String> state, String answer, Instant now) {
    String issued = state.get(ISSUED);
    if (issued == null || now.isAfter(Instant.ofEpochMilli(Long.parseLong(issued)).plus(validity))) {
      return Result.EXPIRED;
    }
    String digits = answer == null ? "" : answer.replaceAll("\\D", "");
    boolean same = MessageDigest.isEqual(hash(c.id(), digits).getBytes(StandardCharsets.US_ASCII),
        String.valueOf(state.get(HASH)).getBytes(StandardCharsets.US_ASCII));
    return same ? Result.OK : Result.WRONG;
  }

  private static String hash(String conversationId, String code) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest((conversationId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
