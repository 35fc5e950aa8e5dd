package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.contract.customer.ListQuery;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The staff list's query string as a {@code customers.profile.list} request, read the way
 * Django REST framework and django-filter read it: a bad {@code page} is "Invalid page." (404),
 * a bad {@code page_size} falls back to the default, empty filters are ignored, and parameters
 * the list does not know (cache busters and the like) are ignored.
 */
final class ListParameters {

  private static final List<String> TEXT_FILTERS =
      List.of(ListQuery.CITY, ListQuery.STATE, ListQuery.COUNTRY, ListQuery.SEARCH, ListQuery.ORDERING);
  private static final List<String> BOOLEAN_FILTERS = List.of(ListQuery.IS_VERIFIED, ListQuery.IS_BUSINESS_CUSTOMER);

  private ListParameters() {
  }

  private static final String LAST_PAGE = "last";

  static JsonObject toRequest(MultiMap params) {
    JsonObject request = paging(params, new JsonObject());
    for (String name : TEXT_FILTERS) {
      String value = params.get(name);
      if (value != null && !value.isBlank()) {
        request.put(name, value);
      }
    }
    for (String name : BOOLEAN_FILTERS) {
      String value = params.get(name);
      if (value != null && !value.isBlank()) {
        request.put(name, bool(name, value));
      }
    }
    return request;
  }

  /** {@code page} and {@code page_size} added to {@code request}, read as DRF's paginator reads them. */
  static JsonObject paging(MultiMap params, JsonObject request) {
    String page = params.get(ListQuery.PAGE);
    if (page != null && !page.isEmpty() && !wantsLastPage(params)) {
      request.put(ListQuery.PAGE, positive(page).orElseThrow(() -> new HttpProblem(404, "Invalid page.")));
    }
    String size = params.get(ListQuery.PAGE_SIZE);
    if (size != null) {
      positive(size).ifPresent(s -> request.put(ListQuery.PAGE_SIZE, s));
    }
    return request;
  }

  /** DRF's {@code last_page_strings}: {@code page=last} is the last page, whatever its number. */
  static boolean wantsLastPage(MultiMap params) {
    return LAST_PAGE.equals(params.get(ListQuery.PAGE));
  }

  private static java.util.Optional<Integer> positive(String text) {
    try {
      int value = Integer.parseInt(text.strip());
      return value >= 1 ? java.util.Optional.of(value) : java.util.Optional.empty();
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw HttpProblem.invalid(name, "Enter a valid boolean: true or false.");
    };
  }
}
