package io.parley.widget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The demo page with the widget, seen through its shadow root (explicit waits only). */
final class WidgetPage {

  static final Duration WAIT = Duration.ofSeconds(15);
  private static final String ROOT = "document.querySelector('parley-chat').shadowRoot";

  private final ChromeDriver driver;

  WidgetPage(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Opens {@code url} and waits until the widget is on the page and connected. */
  WidgetPage open(String url) {
    driver.get(url);
    waitFor("the widget to connect", () -> Boolean.TRUE.equals(js(
        "const h = document.querySelector('parley-chat'); return !!h && !!h.dataset.conversationId"
            + " && h.shadowRoot.querySelector('.status').hidden")));
    return this;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebElement shadow(String css) {
    return (WebElement) js("return " + ROOT + ".querySelector(arguments[0])", css);
  }

  @SuppressWarnings("unchecked")
  List<WebElement> shadowAll(String css) {
    return (List<WebElement>) js("return Array.from(" + ROOT + ".querySelectorAll(arguments[0]))", css);
  }

  String conversationId() {
    return (String) js("return document.querySelector('parley-chat').dataset.conversationId");
  }

  void waitFor(String what, Supplier<Boolean> condition) {
    new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for " + what + "; widget: " + describe())
        .until(d -> condition.get());
  }

  boolean panelOpen() {
    return Boolean.TRUE.equals(js("return !" + ROOT + ".querySelector('.panel').hidden"));
  }

  void openPanel() {
    if (!panelOpen()) {
      shadow(".launcher").click();
    }
    waitFor("the panel to open", this::panelOpen);
  }

  /** The stored messages shown, in order: {seq, from, text, who, quickReplies}. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> messages() {
    return (List<Map<String, Object>>) js("return Array.from(" + ROOT + ".querySelectorAll('.msg[data-seq]')).map(m => ({"
        + "seq: Number(m.dataset.seq), from: m.dataset.from, text: m.querySelector('.text').textContent,"
        + "who: (m.querySelector('.who') || {}).textContent || null,"
        + "quickReplies: Array.from(m.querySelectorAll('.qr button')).map(b => b.textContent)}))");
  }

  List<Long> seqs() {
    List<Long> out = new ArrayList<>();
    messages().forEach(m -> out.add(((Number) m.get("seq")).longValue()));
    return out;
  }

  long count(String from) {
    return messages().stream().filter(m -> from.equals(m.get("from"))).count();
  }

  /** Waits until at least {@code n} messages from {@code from} are shown. */
  void waitForCount(String from, long n) {
    waitFor(n + " " + from + " messages", () -> count(from) >= n);
  }

  /** Types {@code text} into the input and presses Enter. */
  void type(String text) {
    WebElement input = shadow("textarea");
    input.sendKeys(text);
    input.sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  String status() {
    return (String) js("const s = " + ROOT + ".querySelector('.status'); return s.hidden ? '' : s.textContent");
  }

  long pendingCount() {
    return ((Number) js("return " + ROOT + ".querySelectorAll('.msg.pending').length")).longValue();
  }

  String describe() {
    try {
      return String.valueOf(js("const h = document.querySelector('parley-chat'); if (!h) return 'not on the page';"
          + "const r = h.shadowRoot; return JSON.stringify({conv: h.dataset.conversationId,"
          + "status: r.querySelector('.status').textContent, statusHidden: r.querySelector('.status').hidden,"
          + "msgs: Array.from(r.querySelectorAll('.msg')).map(m => (m.dataset.seq || 'pending') + ':' + m.dataset.from"
          + " + ':' + m.querySelector('.text').textContent.slice(0, 30))})"));
    } catch (RuntimeException e) {
      return "(page not readable: " + e.getMessage() + ")";
    }
  }
}
