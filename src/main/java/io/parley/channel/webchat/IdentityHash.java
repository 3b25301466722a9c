package io.parley.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The widget identity rule (contracts §1): {@code hash} is the lowercase hex HMAC-SHA256 of the
 * customer id (UTF-8) keyed with the site's identity secret (UTF-8), {@code PARLEY_IDENTITY_SECRET}.
 * The brokerage's server computes it; Parley verifies it.
 */
public final class IdentityHash {

  private IdentityHash() {
  }

  /** The lowercase hex HMAC-SHA256 of {@code customerId} under {@code secret}. */
  public static String sign(String secret, String customerId) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("no identity secret");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Whether {@code hash} (hex, either case) signs {@code customerId}; compared in constant time. */
  public static boolean verify(String secret, String customerId, String hash) {
    if (secret == null || secret.isEmpty() || customerId == null || hash == null) {
      return false;
    }
    byte[] expected = sign(secret, customerId).getBytes(StandardCharsets.US_ASCII);
    byte[] given = hash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }
}
