package io.customerservice.app;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The encoder {@code log.format} names: {@code text}, the pattern given, or {@code json}, one
 * JSON object per event (logback's {@link JsonEncoder}: the formatted message, the MDC with the
 * request and trace ids, the exception). One setting in the configuration, not a second logback
 * file to keep in step with the first.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

  static final String TEXT = "text";
  static final String JSON = "json";

  private String format = TEXT;
  private String pattern;
  private Encoder<ILoggingEvent> delegate;

  public void setFormat(String format) {
    this.format = format;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    if (JSON.equals(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithContext(false);
      delegate = json;
    } else {
      if (!TEXT.equals(format)) {
        addWarn("Unknown log format '" + format + "' (text or json): writing text");
      }
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setPattern(pattern);
      delegate = text;
    }
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    delegate.stop();
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
