package io.customerservice.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's default password hasher, PBKDF2-HMAC-SHA256, in Django's own encoding
 * ({@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}) from the JDK's maintained
 * implementation: users exported from the Django authentication service keep their passwords.
 * Slow on purpose: call it off the event loop.
 */
final class PasswordHasher {

  private static final String ALGORITHM = "pbkdf2_sha256";
  private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int SALT_LENGTH = 22;
  private static final int HASH_BITS = 256;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  String hash(String password) {
    StringBuilder salt = new StringBuilder(SALT_LENGTH);
    for (int i = 0; i < SALT_LENGTH; i++) {
      salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
    }
    return encode(password, salt.toString(), iterations);
  }

  /** Whether {@code password} matches {@code encoded}, in time that does not depend on where they differ. */
  boolean matches(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
      return false;
    }
    int rounds;
    try {
      rounds = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    byte[] expected = encoded.getBytes(StandardCharsets.UTF_8);
    byte[] actual = encode(password, parts[2], rounds).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }

  private static String encode(String password, String salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, HASH_BITS);
      byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      spec.clearPassword();
      return ALGORITHM + "$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }
}
