package io.parley.widget;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The agent console at /console/ (explicit waits only). */
final class ConsolePage {

  static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;

  ConsolePage(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Opens the console and waits until its module has run (the language list is filled). */
  ConsolePage open(String base) {
    driver.get(base + "/console/");
    waitFor("the console's script", () -> Boolean.TRUE.equals(js("return document.querySelectorAll('#locale option').length === 3")));
    return this;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  boolean shown(String css) {
    return Boolean.TRUE.equals(js("const e = document.querySelector(arguments[0]);"
        + "return !!e && !e.closest('[hidden]') && e.getClientRects().length > 0", css));
  }

  String text(String css) {
    return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css);
  }

  void waitFor(String what, Supplier<Boolean> condition) {
    new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for " + what + "; console: " + describe())
        .until(d -> condition.get());
  }

  /** Fills the login form and submits it with the Enter key. */
  void submitLogin(String username, String password) {
    WebElement u = find("#username");
    u.clear();
    u.sendKeys(username);
    WebElement p = find("#password");
    p.clear();
    p.sendKeys(password);
    p.sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  /** Signs in and waits for the app and its live channel. */
  void signIn(String username, String password) {
    submitLogin(username, password);
    waitFor("the console after signing in", () -> shown("#app") && "open".equals(js(
        "return document.getElementById('live').dataset.state")));
  }

  /** The transcript shown: {seq, from, text}. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> transcript() {
    return (List<Map<String, Object>>) js("return Array.from(document.querySelectorAll('.transcript .entry')).map(e => ({"
        + "seq: Number(e.dataset.seq), from: e.dataset.from, text: e.querySelector('.text').textContent}))");
  }

  boolean transcriptHas(String from, String text) {
    return transcript().stream().anyMatch(m -> from.equals(m.get("from")) && text.equals(m.get("text")));
  }

  /** Every visible text with a contrast below {@code min} against its background (at least {@code atLeast} checked). */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> lowContrast(double min, int atLeast) {
    return (List<Map<String, Object>>) js(
        "const rgba = s => s.match(/[\\d.]+/g).map(Number);"
            + "const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };"
            + "  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };"
            + "const bg = e => { while (e) { const c = rgba(getComputedStyle(e).backgroundColor);"
            + "  if (c.length < 4 || c[3] > 0) return c; e = e.parentElement; } return [255, 255, 255]; };"
            + "const out = []; let n = 0;"
            + "for (const e of document.body.querySelectorAll('*')) {"
            + "  if (!Array.from(e.childNodes).some(c => c.nodeType === 3 && c.textContent.trim())) continue;"
            + "  if (!e.getClientRects().length || e.closest('[hidden]') || e.closest('.skip')) continue;"
            + "  n++;"
            + "  const a = lum(rgba(getComputedStyle(e).color)), b = lum(bg(e));"
            + "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
            + "  if (ratio < arguments[0]) out.push({what: e.tagName + '.' + e.className, text: e.textContent.slice(0, 30), ratio}); }"
            + "if (n < arguments[1]) out.push({what: 'only ' + n + ' texts checked'});"
            + "return out;", min, atLeast);
  }

  String describe() {
    try {
      return String.valueOf(js("return JSON.stringify({login: !document.getElementById('login-view').hidden,"
          + "app: !document.getElementById('app').hidden, live: document.getElementById('live').textContent,"
          + "error: document.getElementById('login-error').textContent,"
          + "queueError: document.getElementById('queue-error').textContent,"
          + "queue: Array.from(document.querySelectorAll('.queue-item')).map(e => e.dataset.conversationId),"
          + "main: document.getElementById('main').textContent.slice(0, 300)})"));
    } catch (RuntimeException e) {
      return "(page not readable: " + e.getMessage() + ")";
    }
  }
}
