package io.parley.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conversation ids and resume tokens. A token is {@code <conversation id>.<secret>}; the store keeps
 * only the secret's SHA-256, so a leaked store does not let anyone take over a conversation.
 */
public final class ResumeTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{8,64})\\.([A-Za-z0-9_-]{16,128})");

  private ResumeTokens() {
  }

  /** A new random conversation id (128 bits, URL-safe). */
  public static String newId() {
    return random(16);
  }

  /** A new random secret (192 bits, URL-safe). */
  public static String newSecret() {
    return random(24);
  }

  public static String token(String conversationId, String secret) {
    return conversationId + "." + secret;
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The conversation id and secret of a well-formed token. */
  public static Optional<Parsed> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    var m = TOKEN.matcher(token);
    return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
  }

  /** Whether {@code secret} is the one whose hash is stored (constant-time comparison). */
  public static boolean matches(String secret, String storedHash) {
    return storedHash != null && MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  public record Parsed(String conversationId, String secret) {
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
