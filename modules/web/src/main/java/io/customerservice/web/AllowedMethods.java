package io.customerservice.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The methods a path is routed for, as a 405's {@code Allow} header lists them (RFC 9110): the
 * router answers 405 when some route's path matches and none of those routes takes the method,
 * so the methods are those of the routes whose path template matches. Routes for every method
 * (the edge's own handlers) name none, and routes by a regular expression have no template: both
 * are left out.
 */
final class AllowedMethods {

  /** A template's {@code :name} segment. */
  private static final Pattern PARAMETER = Pattern.compile(":[A-Za-z0-9_]+");

  private final Router router;
  /** One pattern per template (a prefix's with its {@code *}): the router's, so bounded too. */
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  AllowedMethods(Router router) {
    this.router = router;
  }

  /** The methods routed for {@code path}, sorted and comma-separated; empty when none is. */
  String of(String path) {
    Set<String> methods = router.getRoutes().stream()
        .filter(route -> route.methods() != null && !route.methods().isEmpty() && route.getPath() != null)
        .filter(route -> patternOf(route).matcher(path).matches())
        .flatMap(route -> route.methods().stream())
        .map(HttpMethod::name)
        .collect(Collectors.toCollection(TreeSet::new));
    return String.join(", ", methods);
  }

  /**
   * The template as Vert.x matches it: each parameter one segment; an exact template's trailing
   * slash optional unless written; a prefix ({@code /api/docs/*}, whose path Vert.x keeps as
   * {@code /api/docs/}) matching itself and everything under it.
   */
  private Pattern patternOf(Route route) {
    boolean prefix = !route.isExactPath();
    String template = route.getPath();
    return patterns.computeIfAbsent(prefix ? template + "*" : template, key -> {
      boolean slashOptional = prefix || !template.endsWith("/");
      String bare = template.endsWith("/") && slashOptional ? template.substring(0, template.length() - 1) : template;
      StringBuilder regex = new StringBuilder();
      int at = 0;
      for (var parameter = PARAMETER.matcher(bare); parameter.find(); at = parameter.end()) {
        regex.append(Pattern.quote(bare.substring(at, parameter.start()))).append("[^/]+");
      }
      regex.append(Pattern.quote(bare.substring(at)));
      return Pattern.compile(regex.append(prefix ? "(/.*)?" : slashOptional ? "/?" : "").toString());
    });
  }
}
