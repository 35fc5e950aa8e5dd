package io.customerservice.app;

import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-configuration run (embedded database, no {@code jwt.secret}) still needs a signing
 * secret to verify tokens. Rather than ship a well-known default, it makes a random one once and
 * keeps it in {@code jwt.dev-secret-file} next to the embedded data, where the {@code token}
 * command finds it too. With a real database configured there is no such fallback: the secret
 * must be given, and start-up says so.
 */
final class DevelopmentSecret {

  private static final Logger LOG = LoggerFactory.getLogger(DevelopmentSecret.class);
  private static final int BYTES = 48;

  private DevelopmentSecret() {
  }

  /** The config with {@code jwt.secret} filled in from the development file where that applies. */
  static JsonObject fillIn(JsonObject config) throws IOException {
    Settings settings = new Settings(config);
    boolean applies = settings.string(JwtSettings.JWT_SECRET).isEmpty()
        && settings.string(DatabaseSettings.DB_HOST).isEmpty()
        && settings.string(JwtSettings.JWT_ALGORITHM).startsWith("HS");
    if (!applies) {
      return config;
    }
    Path file = Path.of(settings.string(AppSettings.JWT_DEV_SECRET_FILE));
    String secret = Files.exists(file) ? Files.readString(file).strip() : create(file);
    LOG.warn("jwt.secret is not set: verifying tokens with the development secret in {}. "
        + "Set JWT_SECRET to the authentication service's signing key for real use.", file);
    return config.copy().put(JwtSettings.JWT_SECRET, secret);
  }

  private static String create(Path file) throws IOException {
    byte[] random = new byte[BYTES];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, "jwt-secret", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temporary, secret);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return secret;
  }
}
