package io.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A blocking HTTP client for the agent API (the JDK's HttpClient), optionally with a token. */
public final class AgentClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final String token;

  public AgentClient(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** Signs in (200 expected) and returns a client that sends the token. */
  public static AgentClient login(int port, String username, String password) {
    Response r = new AgentClient(port, null).post("/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", password));
    assertEquals(200, r.status(), () -> "login of " + username + ": " + r.body());
    return new AgentClient(port, r.json().getString("token"));
  }

  public String token() {
    return token;
  }

  public AgentClient withToken(String t) {
    return new AgentClient(port, t);
  }

  /** A status and a body. */
  public record Response(int status, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray array() {
      return new JsonArray(body);
    }

    public Object value() {
      return Json.decodeValue(body);
    }
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response post(String path, JsonObject body) {
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.encode())));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
