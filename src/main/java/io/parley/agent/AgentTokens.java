package io.parley.agent;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Agent sign-in tokens: {@code base64url(payload JSON).base64url(HMAC-SHA256 of the first part)},
 * signed with {@code PARLEY_TOKEN_SECRET}, so every instance accepts every other's tokens. The
 * payload carries {@code sub} (username), {@code role} and {@code exp} (epoch seconds).
 */
public final class AgentTokens {

  private final byte[] secret;
  private final Duration ttl;

  public AgentTokens(byte[] secret, Duration ttl) {
    this.secret = secret.clone();
    this.ttl = ttl;
  }

  /** The verified claims of a token. */
  public record Claims(String username, String role, Instant expires) {
  }

  public String issue(AgentAccount account, Instant now) {
    JsonObject payload = new JsonObject().put("sub", account.username()).put("role", account.role())
        .put("iat", now.getEpochSecond()).put("exp", now.plus(ttl).getEpochSecond());
    String body = b64(payload.encode().getBytes(StandardCharsets.UTF_8));
    return body + "." + b64(sign(body));
  }

  public Duration ttl() {
    return ttl;
  }

  /** The claims of a well-signed, unexpired token. */
  public Optional<Claims> verify(String token, Instant now) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    String body = token.substring(0, dot);
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(sign(body), sig)) {
      return Optional.empty();
    }
    try {
      JsonObject p = new JsonObject(new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8));
      Instant exp = Instant.ofEpochSecond(p.getLong("exp"));
      if (!exp.isAfter(now) || p.getString("sub") == null) {
        return Optional.empty();
      }
      return Optional.of(new Claims(p.getString("sub"), p.getString("role"), exp));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
