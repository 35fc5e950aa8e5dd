package io.customerservice.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A service's /api/docs/ page in a {@link HeadlessChromium} tab, used as a person uses it: through
 * Swagger UI's own buttons ("Try it out", "Execute") and its authorization API.
 */
public final class SwaggerUiPage {

  private static final Duration BOUND = Duration.ofSeconds(30);

  private final HeadlessChromium.Tab tab;

  private SwaggerUiPage(HeadlessChromium.Tab tab) {
    this.tab = tab;
  }

  /** Loads {@code base}/api/docs/ and waits until Swagger UI has rendered the document's operations. */
  public static SwaggerUiPage open(HeadlessChromium.Tab tab, String base) throws InterruptedException {
    tab.navigate(base + "/api/docs/", BOUND);
    tab.waitFor("window.ui && document.querySelector('.opblock')", BOUND);
    return new SwaggerUiPage(tab);
  }

  /** The document's title as the page shows it. */
  public String title() {
    return String.valueOf(tab.evaluate("document.querySelector('.info .title').firstChild.textContent.trim()"));
  }

  /** What the Authorize dialog would do: {@code token} for the security scheme {@code scheme}. */
  public void authorize(String scheme, String token) throws InterruptedException {
    tab.evaluate("window.ui.preauthorizeApiKey('" + scheme + "', '" + token + "'); true");
    tab.waitFor("window.ui.authSelectors.authorized().has('" + scheme + "')", BOUND);
  }

  /**
   * Opens the operation, presses "Try it out" and "Execute" with what the page fills in (the
   * document's first example body), and returns the status Swagger UI shows for the answer. A
   * PNG of the operation, from its title to the answer, goes to {@code screenshot} whatever happens.
   */
  public String execute(String tag, String operationId, Path screenshot) throws InterruptedException, IOException {
    String operation = operation(tag, operationId);
    try {
      click(operation + " .opblock-summary-control");
      click(operation + " .try-out__btn");
      click(operation + " .execute");
      String status = operation + " .live-responses-table tr.response .response-col_status";
      tab.waitFor("document.querySelector('" + status + "') && /\\d{3}/.test(document.querySelector('" + status + "').textContent)", BOUND);
      return String.valueOf(tab.evaluate("document.querySelector('" + status + "').textContent.trim()"));
    } finally {
      Files.createDirectories(screenshot.getParent());
      String answer = operation + " .live-responses-table";
      Files.write(screenshot, tab.screenshot(operation, present(answer) ? answer : operation));
    }
  }

  private boolean present(String selector) {
    return Boolean.TRUE.equals(tab.evaluate("document.querySelector('" + selector + "') !== null"));
  }

  private static String operation(String tag, String operationId) {
    return "#operations-" + tag + "-" + operationId;
  }

  private void click(String selector) throws InterruptedException {
    tab.waitFor("document.querySelector('" + selector + "')", BOUND);
    tab.evaluate("document.querySelector('" + selector + "').click(); true");
  }
}
