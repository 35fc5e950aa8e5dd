package io.customerservice.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.customerservice.runtime.config.ConfigException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code log.format} into effect. Logback reads {@code LOG_FORMAT} from the environment
 * itself, before any configuration is loaded; a format set in a configuration file or a system
 * property is known only once the configuration is, so the jar's logback.xml is read again with
 * it. A logback file of the operator's own ({@code -Dlogback.configurationFile}) is left alone.
 */
final class LogFormat {

  /** The logback.xml variable that selects the encoder (see {@link LogFormatEncoder}). */
  private static final String VARIABLE = "LOG_FORMAT";
  private static final String OWN_CONFIGURATION = "logback.configurationFile";

  private LogFormat() {
  }

  static String named(String format) {
    if (!format.equals(LogFormatEncoder.TEXT) && !format.equals(LogFormatEncoder.JSON)) {
      throw new ConfigException(AppSettings.LOG_FORMAT, "must be text or json, got '" + format + "'");
    }
    return format;
  }

  static void apply(String format) throws JoranException {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logging)
        || System.getProperty(OWN_CONFIGURATION) != null
        || format.equals(current(logging))) {
      return;
    }
    URL jarConfiguration = LogFormat.class.getClassLoader().getResource("logback.xml");
    logging.reset();
    logging.putProperty(VARIABLE, format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(logging);
    configurator.doConfigure(jarConfiguration);
  }

  private static String current(LoggerContext logging) {
    String set = logging.getProperty(VARIABLE);
    String environment = System.getenv(VARIABLE);
    return set != null ? set : environment != null ? environment : LogFormatEncoder.TEXT;
  }
}
