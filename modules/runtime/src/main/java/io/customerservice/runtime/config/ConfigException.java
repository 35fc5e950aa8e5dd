package io.customerservice.runtime.config;

/** A configuration value that cannot be used; the message names the key and its variable. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String key, String problem) {
    super("config key '" + key + "' (environment " + Settings.environmentName(key) + "): " + problem);
  }
}
