package io.parley.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The widget's files and the demo page, as a browser on another site and on this one fetch them. */
@ExtendWith(VertxExtension.class)
class StaticRoutesTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  @Test
  void theWidgetIsServedAsJavaScriptToAnySiteWithShortCaching(Vertx vertx) throws Exception {
    try (RunningServer s = RunningServer.startUnready(vertx, TestServers.memory())) {
      for (String path : new String[] {"/widget/parley.js", "/widget/src/connection.js", "/widget/src/i18n.js"}) {
        HttpResponse<String> r = get(s.port(), path, "Origin", "https://www.example-broker.com");
        assertEquals(200, r.statusCode(), path);
        assertEquals("text/javascript; charset=utf-8", header(r, "Content-Type"), path);
        assertEquals("*", header(r, "Access-Control-Allow-Origin"), "module scripts are fetched with CORS: " + path);
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertEquals("public, max-age=300", header(r, "Cache-Control"), "short, not immutable: the names stay");
        assertTrue(!header(r, "Last-Modified").isEmpty(), "revalidation by Last-Modified");
      }
      HttpResponse<String> entry = get(s.port(), "/widget/parley.js");
      assertTrue(entry.body().contains("import"), "the entry module");
      HttpResponse<String> again = get(s.port(), "/widget/parley.js", "If-Modified-Since", header(entry, "Last-Modified"));
      assertEquals(304, again.statusCode());
      assertEquals(404, get(s.port(), "/widget/nothing.js").statusCode());
      assertEquals(404, get(s.port(), "/widget/../config/parley.yaml").statusCode());
    }
  }

  @Test
  void theDemoPageIsAtTheRootWithAStrictContentSecurityPolicy(Vertx vertx) throws Exception {
    try (RunningServer s = RunningServer.startUnready(vertx, TestServers.memory())) {
      HttpResponse<String> page = get(s.port(), "/");
      assertEquals(200, page.statusCode());
      assertTrue(header(page, "Content-Type").startsWith("text/html"), header(page, "Content-Type"));
      assertTrue(page.body().contains("港灣證券") && page.body().contains("Harbour Securities"), "Chinese and English");
      assertTrue(page.body().contains("/demo/demo.js"));
      String csp = header(page, "Content-Security-Policy");
      assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
      assertEquals("text/javascript; charset=utf-8", header(get(s.port(), "/demo/demo.js"), "Content-Type"));
      assertTrue(header(get(s.port(), "/demo/demo.css"), "Content-Type").startsWith("text/css"));
    }
  }

  @Test
  void theAgentConsoleIsAtConsoleWithItsLoginFormAndTheSameCaching(Vertx vertx) throws Exception {
    try (RunningServer s = RunningServer.startUnready(vertx, TestServers.memory())) {
      HttpResponse<String> page = get(s.port(), "/console/");
      assertEquals(200, page.statusCode());
      assertTrue(header(page, "Content-Type").startsWith("text/html"), header(page, "Content-Type"));
      assertTrue(page.body().contains("<form id=\"login\"") && page.body().contains("type=\"password\""), "the login form");
      assertTrue(page.body().contains("/console/main.js"));
      String csp = header(page, "Content-Security-Policy");
      assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
      assertEquals("public, max-age=300", header(page, "Cache-Control"));
      assertEquals("nosniff", header(page, "X-Content-Type-Options"));
      for (String path : new String[] {"/console/main.js", "/console/i18n.js", "/console/conversation.js"}) {
        HttpResponse<String> r = get(s.port(), path);
        assertEquals(200, r.statusCode(), path);
        assertEquals("text/javascript; charset=utf-8", header(r, "Content-Type"), path);
        assertEquals("public, max-age=300", header(r, "Cache-Control"), path);
        assertEquals("", header(r, "Access-Control-Allow-Origin"), "the console is for this origin only");
      }
      assertTrue(header(get(s.port(), "/console/console.css"), "Content-Type").startsWith("text/css"));
      HttpResponse<String> bare = get(s.port(), "/console");
      assertEquals(302, bare.statusCode());
      assertEquals("/console/", header(bare, "Location"));
      assertEquals(404, get(s.port(), "/console/nothing.js").statusCode());
      assertEquals(404, get(s.port(), "/console/../parley.js").statusCode());
    }
  }
}
