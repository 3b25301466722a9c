package io.parley.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.AgentClient;
import io.parley.testing.AgentSocketClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.MutableClock;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in, tokens and roles on every agent and supervisor path, and the agent socket's handshake. */
@ExtendWith(VertxExtension.class)
class AgentAuthTest {

  private static final List<String[]> AGENT_CALLS = List.of(
      new String[] {"GET", "/api/v1/agent/queue"},
      new String[] {"GET", "/api/v1/agent/me"},
      new String[] {"POST", "/api/v1/agent/conversations/abc123abc123/claim"},
      new String[] {"GET", "/api/v1/agent/conversations/abc123abc123"},
      new String[] {"POST", "/api/v1/agent/conversations/abc123abc123/messages"},
      new String[] {"POST", "/api/v1/agent/conversations/abc123abc123/trade-result"},
      new String[] {"POST", "/api/v1/agent/conversations/abc123abc123/resolve"},
      new String[] {"GET", "/api/v1/agent/cases?status=open"},
      new String[] {"POST", "/api/v1/agent/cases/C-000001/resolve"},
      new String[] {"GET", "/api/v1/agent/no-such-path"});
  private static final List<String[]> SUPERVISOR_CALLS = List.of(
      new String[] {"GET", "/api/v1/supervisor/queues"},
      new String[] {"GET", "/api/v1/supervisor/agents"},
      new String[] {"POST", "/api/v1/supervisor/no-such-path"});

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T03:00:00Z"));
  private RunningServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = RunningServer.start(vertx, HandoffTesting.alwaysOpen(TestServers.memory()), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static AgentClient.Response call(AgentClient c, String[] call) {
    return call[0].equals("GET") ? c.get(call[1]) : c.post(call[1], new JsonObject().put("text", "x"));
  }

  @Test
  void everyAgentAndSupervisorPathRefusesAnonymousAndWrongRoleCalls() {
    AgentClient anonymous = new AgentClient(server.port(), null);
    AgentClient forged = new AgentClient(server.port(), "eyJzdWIiOiJkZW1vLWFnZW50In0.c2lnbmF0dXJl");
    AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
    AgentClient supervisor = AgentClient.login(server.port(), "demo-supervisor", HandoffTesting.DEMO_PASSWORD);
    for (String[] c : AGENT_CALLS) {
      AgentClient.Response r = call(anonymous, c);
      assertEquals(401, r.status(), c[1] + " " + r.body());
      assertEquals("unauthorized", r.json().getString("error"));
      assertEquals(401, call(forged, c).status(), c[1]);
      AgentClient.Response s = call(supervisor, c);
      assertTrue(s.status() != 401 && !(s.status() == 403 && "forbidden".equals(s.json().getString("error"))),
          "a supervisor may use the agent API: " + c[1] + " " + s.body());
    }
    for (String[] c : SUPERVISOR_CALLS) {
      assertEquals(401, call(anonymous, c).status(), c[1]);
      AgentClient.Response r = call(agent, c);
      assertEquals(403, r.status(), c[1] + " " + r.body());
      assertEquals("forbidden", r.json().getString("error"));
    }
    assertEquals(200, agent.get("/api/v1/agent/queue").status());
    assertEquals(200, supervisor.get("/api/v1/supervisor/queues").status());
    assertEquals("agent", agent.get("/api/v1/agent/me").json().getString("role"));
  }

  @Test
  void tokensExpireAfterTheirTtl() {
    AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
    assertEquals(200, agent.get("/api/v1/agent/queue").status());
    clock.advance(Duration.ofHours(8).plusSeconds(1));
    assertEquals(401, agent.get("/api/v1/agent/queue").status());
    assertEquals(401, AgentSocketClient.refusedStatus(server.port(), agent.token()));
  }

  @Test
  void theAgentSocketNeedsAToken() {
    assertEquals(401, AgentSocketClient.refusedStatus(server.port(), null));
    assertEquals(401, AgentSocketClient.refusedStatus(server.port(), "garbage.token"));
    AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
    try (AgentSocketClient socket = AgentSocketClient.connect(server.port(), agent.token())) {
      JsonObject hello = socket.until("hello");
      assertEquals("demo-agent", hello.getString("username"));
      assertEquals(4, hello.getJsonArray("teams").size());
    }
  }

  @Test
  void badCredentialsAre401AndRepeatedFailuresSlowDown() {
    AgentClient anonymous = new AgentClient(server.port(), null);
    JsonObject wrong = new JsonObject().put("username", "demo-agent").put("password", "wrong");
    long[] took = new long[4];
    for (int i = 0; i < took.length; i++) {
      long t0 = System.nanoTime();
      AgentClient.Response r = anonymous.post("/api/v1/auth/login", wrong);
      took[i] = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(401, r.status());
      assertEquals("bad_credentials", r.json().getString("error"));
    }
    // 0, 250, 500, 1000 ms of delay on top of the hashing (the hashing time varies with the load)
    assertTrue(took[3] >= 1000, "the fourth failure waits at least a second: " + java.util.Arrays.toString(took));
    assertTrue(took[1] >= 250 && took[2] >= 500, java.util.Arrays.toString(took));
    assertEquals(401, anonymous.post("/api/v1/auth/login",
        new JsonObject().put("username", "nobody").put("password", "x")).status());
    assertEquals(400, anonymous.post("/api/v1/auth/login", new JsonObject().put("username", "x")).status());
    // a success resets the username's count
    AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
  }
}
