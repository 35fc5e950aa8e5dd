package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.authproxy.AuthProxySettings;
import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.customers.history.ServiceHistoryVerticle;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.TestConfig;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * conf/application.json is the one source of the configuration: the keys the code names (each
 * module's settings spell their own) and the table of docs/configuration.md (key, variable,
 * default) must be exactly its keys and defaults.
 */
class ConfigDocumentationTest {

  /** The settings that own keys: each spells its keys as public String constants, and nothing else. */
  private static final List<Class<?>> KEY_OWNERS = List.of(
      Settings.class, DatabaseSettings.class, JwtSettings.class,
      AppSettings.class, VertxSettings.class, ClusterSettings.class, ManagementSettings.class,
      HttpSettings.class, AuthSettings.class, AuthProxySettings.class,
      ServiceHistoryVerticle.class, CustomerStoreVerticle.class);

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| `([A-Z0-9_]+)` \\| (`[^`]*`|empty) \\|");

  @Test
  void theDocumentedTableListsEveryKeyWithItsVariableAndDefault() throws Exception {
    JsonObject defaults = TestConfig.defaults();
    Map<String, String[]> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(documentation())) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.put(row.group(1), new String[] {row.group(2), row.group(3)});
      }
    }
    assertEquals(new TreeSet<>(defaults.fieldNames()), new TreeSet<>(documented.keySet()), "docs/configuration.md's table and conf/application.json");
    documented.forEach((key, columns) -> {
      assertEquals(Settings.environmentName(key), columns[0], key);
      String value = String.valueOf(defaults.getValue(key));
      assertEquals(value.isEmpty() ? "empty" : "`" + value + "`", columns[1], "the documented default of " + key);
    });
  }

  @Test
  void theKeysTheCodeNamesAreTheKeysOfTheDefaults() throws Exception {
    Set<String> named = new TreeSet<>();
    for (Class<?> owner : KEY_OWNERS) {
      for (Field field : owner.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
          assertTrue(named.add((String) field.get(null)), "spelled twice: " + field.get(null));
        }
      }
    }
    Set<String> perRole = new TreeSet<>();
    for (Role role : Role.values()) {
      perRole.add(role.instancesKey());
    }
    Set<String> expected = new TreeSet<>(TestConfig.defaults().fieldNames());
    Set<String> spelled = new TreeSet<>(named);
    spelled.addAll(perRole);
    assertEquals(expected, spelled);
  }

  private static Path documentation() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("README.md")) || !Files.isDirectory(dir.resolve("modules"))) {
      dir = dir.getParent();
    }
    return dir.resolve("docs").resolve("configuration.md");
  }
}
