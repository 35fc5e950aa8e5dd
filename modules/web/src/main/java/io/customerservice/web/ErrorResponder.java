package io.customerservice.web;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http2.Http2Exception;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP answers, in Django REST framework's shapes:
 * {@code {"detail": "..."}}, or for invalid input {@code {"field": ["message"]}}. Handlers only
 * call {@code ctx.fail(...)} or throw. Nothing internal (stack trace, class name) reaches a client.
 */
final class ErrorResponder {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
  private static final String SERVER_ERROR = Responses.SERVER_ERROR;
  /** The package of Netty's HTTP codecs. */
  private static final String HTTP_DECODERS = "io.netty.handler.codec.http.";

  private ErrorResponder() {
  }

  static void mount(Router router, int bodyLimitBytes) {
    router.route().failureHandler(ErrorResponder::handle);
    router.errorHandler(404, ctx -> Responses.json(ctx, 404, detail("Not found.")));
    AllowedMethods allowed = new AllowedMethods(router);
    router.errorHandler(405, ctx -> {
      String methods = allowed.of(ctx.normalizedPath());
      if (!methods.isEmpty()) {
        ctx.response().putHeader(HttpHeaders.ALLOW, methods);
      }
      Responses.json(ctx, 405, detail("Method \"" + ctx.request().method() + "\" not allowed."));
    });
    router.errorHandler(413, ctx -> Responses.json(ctx, 413, detail("The request body is larger than " + bodyLimitBytes + " bytes.")));
    router.errorHandler(500, ctx -> Responses.json(ctx, 500, detail(SERVER_ERROR)));
  }

  private static void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof HttpProblem problem) {
      ctx.response().headers().addAll(problem.headers());
      Responses.json(ctx, problem.status(), problem.body());
    } else if (failure instanceof ServiceFailure || failure instanceof ReplyException) {
      ServiceFailure service = ServiceFailure.from(failure);
      if (service.code() == FailureCode.INTERNAL) {
        // The verticle behind logged the cause; this line ties it to the request the client can quote.
        LOG.error("Request {}: {} {} failed behind the edge: {}", RequestLog.idOf(ctx), ctx.request().method(), ctx.request().path(),
            service.detail());
      }
      Responses.json(ctx, service.code().code(), bodyOf(service));
    } else if (failure instanceof HttpException http) {
      answerStatus(ctx, http.getStatusCode());
    } else if (failure == null) {
      answerStatus(ctx, ctx.statusCode());
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      // The router's own refusal of the request line or headers (a Host that is not host[:port]).
      LOG.debug("Refused {} {}: {}", ctx.request().method(), ctx.request().path(), failure.getMessage());
      answerStatus(ctx, ctx.statusCode());
    } else if (brokeTheProtocol(failure)) {
      // An HTTP/2 body that contradicts its own Content-Length, or an HTTP/1.1 chunk size that is
      // not a number: the client's fault, not ours.
      LOG.debug("Refused {} {}: {}", ctx.request().method(), ctx.request().path(), failure.getMessage());
      Responses.json(ctx, 400, detail("Malformed request: the body does not match its framing."));
    } else {
      LOG.error("Request {}: unexpected failure on {} {}", RequestLog.idOf(ctx), ctx.request().method(), ctx.request().path(), failure);
      Responses.json(ctx, 500, detail(SERVER_ERROR));
    }
  }

  /**
   * The client broke HTTP's framing: an HTTP/2 error, or a failure raised by Netty's HTTP/1.x
   * decoder while reading the body (a chunk size that is not hexadecimal arrives as a bare
   * NumberFormatException thrown there). Not worth an error with a stack trace per request.
   */
  private static boolean brokeTheProtocol(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).anyMatch(cause -> cause instanceof Http2Exception
        || cause instanceof DecoderException
        || cause.getStackTrace().length > 0 && cause.getStackTrace()[0].getClassName().startsWith(HTTP_DECODERS));
  }

  private static void answerStatus(RoutingContext ctx, int status) {
    String text = switch (status) {
      case 400 -> ctx.request().authority() == null && ctx.request().version() != HttpVersion.HTTP_1_0
          ? "The Host header is missing or is not a host and port." : "Bad request.";
      case 404 -> "Not found.";
      case 405 -> "Method \"" + ctx.request().method() + "\" not allowed.";
      case 413 -> "The request body is too large.";
      case 415 -> "Unsupported media type in request.";
      case 504 -> "The request did not complete in time.";
      default -> status >= 500 ? SERVER_ERROR : "Request refused.";
    };
    Responses.json(ctx, status < 400 ? 500 : status, detail(text));
  }

  /** Field errors alone for invalid input (as DRF answers a serializer's errors), else the detail. */
  private static JsonObject bodyOf(ServiceFailure failure) {
    if (failure.code() == FailureCode.INVALID && !failure.fieldErrors().isEmpty()) {
      return failure.fieldErrors();
    }
    if (failure.code() == FailureCode.INTERNAL) {
      return detail(SERVER_ERROR);
    }
    return detail(failure.detail());
  }

  private static JsonObject detail(String text) {
    return new JsonObject().put("detail", text);
  }
}
