package io.parley.agent;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes in a self-describing format, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (salt and hash in standard Base64), made with the JDK's {@code PBKDF2WithHmacSHA256}. Hashing and
 * verifying take a few hundred milliseconds of CPU on purpose: call them off the event loop.
 */
public final class PasswordHashes {

  public static final String SCHEME = "pbkdf2-sha256";
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashes() {
  }

  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] h = pbkdf2(password, salt, ITERATIONS, HASH_BITS);
    Base64.Encoder b64 = Base64.getEncoder();
    return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
  }

  /** Whether {@code password} matches {@code stored}; a malformed hash never matches. */
  public static boolean verify(char[] password, String stored) {
    Parsed p = parse(stored);
    if (p == null) {
      return false;
    }
    byte[] h = pbkdf2(password, p.salt, p.iterations, p.hash.length * 8);
    return MessageDigest.isEqual(h, p.hash);
  }

  /** Whether {@code stored} is a hash this class can check (used to validate the accounts file). */
  public static boolean wellFormed(String stored) {
    return parse(stored) != null;
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {
  }

  private static Parsed parse(String stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return null;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] hash = Base64.getDecoder().decode(parts[3]);
      if (iterations < 1 || salt.length < 8 || hash.length < 16) {
        return null;
      }
      return new Parsed(iterations, salt, hash);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bits) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Clears a password copy. */
  static void wipe(char[] password) {
    Arrays.fill(password, '\0');
  }
}
