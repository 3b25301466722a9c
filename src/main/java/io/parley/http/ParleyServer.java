package io.parley.http;

import io.parley.bot.Bots;
import io.parley.agent.AgentDirectory;
import io.parley.agent.AgentPresence;
import io.parley.agent.AgentRoutes;
import io.parley.agent.AgentTokens;
import io.parley.agent.LeastLoadedAssigner;
import io.parley.agent.LoginThrottle;
import io.parley.handoff.BusinessHours;
import io.parley.handoff.DueTimeSweep;
import io.parley.handoff.HandoffService;
import io.parley.handoff.HandoffTexts;
import io.parley.handoff.Teams;
import io.parley.redis.RedisEventRelay;
import io.parley.redis.RedisHandoffStore;
import io.parley.store.HandoffStore;
import io.parley.store.MemoryHandoffStore;
import io.parley.bot.TextCatalog;
import io.parley.channel.webchat.WebChatRoutes;
import io.parley.config.ParleyConfig;
import io.parley.config.StoreConfig;
import io.parley.config.StoreKind;
import io.parley.conversation.ConversationService;
import io.parley.nlu.ComplaintCategorizer;
import io.parley.nlu.ComplaintCategory;
import io.parley.nlu.EngineConfig;
import io.parley.nlu.IntentClassifier;
import io.parley.nlu.IntentTrainer;
import io.parley.nlu.OpenNlpIntentClassifier;
import io.parley.ops.MeteredConversationStore;
import io.parley.ops.OpsRoutes;
import io.parley.ops.ParleyMetrics;
import io.parley.ops.Readiness;
import io.parley.redis.RedisConversationStore;
import io.parley.store.ConversationStore;
import io.parley.store.MemoryConversationStore;
import io.parley.conversation.Addresses;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a running Parley: settings -> store -> conversation service -> routes ->
 * HTTP verticles. {@code serve} and the tests start it the same way.
 */
public final class ParleyServer {

  private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);

  private final Vertx vertx;
  private final ParleyConfig config;
  private final ParleyMetrics metrics;
  private final Readiness readiness = new Readiness();
  private final List<String> deployments = new ArrayList<>();
  private ConversationStore store;
  private ConversationService service;
  private volatile IntentClassifier classifier;
  private volatile ComplaintCategorizer complaints;
  /** Every customer-facing text of {@code intents/}, read once at start-up for the bot and the handoff side. */
  private TextCatalog texts;
  private volatile String modelProblem = "intent model loading";
  private volatile boolean started;
  private volatile boolean stopping;
  private int port;

  private final Clock clock;
  private HandoffStore handoffStore;
  private HandoffService handoffs;
  private DueTimeSweep sweep;
  private AgentRoutes agentRoutes;
  private RedisEventRelay relay;
  private ConversationStore rawStore;
  private MemoryHandoffStore memoryHandoffs;

  private ParleyServer(Vertx vertx, ParleyConfig config, ParleyMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Starts Parley on {@code vertx}; the future completes when it listens (it may not be ready yet). */
  public static Future<ParleyServer> start(Vertx vertx, ParleyConfig config, ParleyMetrics metrics) {
    return start(vertx, config, metrics, Clock.systemUTC());
  }

  /**
   * The same with the clock handoffs, business hours, pick-up targets and agent tokens read (tests
   * pass a clock they move).
   */
  public static Future<ParleyServer> start(Vertx vertx, ParleyConfig config, ParleyMetrics metrics, Clock clock) {
    ParleyServer s = new ParleyServer(vertx, config, metrics, clock);
    return s.startUp().map(s);
  }

  private Future<Void> startUp() {
    ConversationStore raw = createStore(vertx, config.store());
    rawStore = raw;
    store = new MeteredConversationStore(raw, metrics);
    if (raw instanceof RedisConversationStore redis) {
      handoffStore = new RedisHandoffStore(redis, Teams.IDS);
    } else {
      MemoryHandoffStore memory = new MemoryHandoffStore(clock, config.store().conversationTtl());
      var mc = config.store().memory();
      if (mc.snapshotFile() != null) {
        memory.snapshot(vertx, mc.snapshotFile().resolveSibling(mc.snapshotFile().getFileName() + ".handoffs.json"),
            mc.snapshotInterval());
      }
      memoryHandoffs = memory;
      handoffStore = memory;
    }
    readiness
        .add("server", () -> stopping ? "shutting down" : started ? null : "starting")
        .add("store", () -> store.ready() ? null : "store not reachable: " + store.describe())
        .add("model", () -> classifier != null ? null : modelProblem)
        .add("relay", () -> relay == null || relay.subscribed() ? null : "event relay between instances not subscribed yet");
    return vertx.executeBlocking(() -> {
          texts = TextCatalog.load(config.intentsDir());
          return Bots.create(config, texts, store, () -> classifier, complaintCategories(), clock, this::recordMiss);
        })
        .compose(responder -> {
          service = new ConversationService(vertx, store, responder, Clock.systemUTC(), () -> classifier != null);
          return vertx.executeBlocking(this::handoffSide);
        })
        .compose(v -> store.start())
        .compose(v -> memoryHandoffs == null ? Future.succeededFuture() : memoryHandoffs.start())
        .compose(v -> startRelay())
        .onSuccess(v -> sweep.start())
        .compose(v -> deployHttp())
        .onSuccess(v -> loadModel())
        .onSuccess(v -> {
          started = true;
          LOG.info("Parley listening on http://{}:{} (web chat at ws://localhost:{}{}), store: {}",
              config.server().host(), port, port, WebChatRoutes.PATH, store.describe());
        });
  }

  /**
   * The handoff core and the agent console (blocking: reads teams, texts and accounts, and hashes the
   * demo password).
   */
  private Void handoffSide() {
    Teams teams = Teams.load(config.handoff().teamsFile(), config.handoff().holidaysFile());
    BusinessHours hours = new BusinessHours(teams, config.handoff().alwaysOpen());
    handoffs = new HandoffService(vertx, service, store, handoffStore, teams, hours,
        new HandoffTexts(texts), clock);
    handoffs.metrics(metrics);
    service.handoffs(handoffs);
    sweep = new DueTimeSweep(vertx, handoffStore, store, metrics, clock, config.handoff().sweepInterval());
    sweep.events(service.events());
    sweep.shared(rawStore instanceof RedisConversationStore);
    AgentDirectory directory = AgentDirectory.load(config.agents().accountsFile(), config.agents().demoPassword());
    if (!config.agents().demoPassword().isEmpty()) {
      LOG.warn("PARLEY_DEMO_PASSWORD is set: the demo accounts {} and {} exist; never do this in production",
          AgentDirectory.DEMO_AGENT, AgentDirectory.DEMO_SUPERVISOR);
    }
    byte[] secret;
    if (config.agents().tokenSecret().isEmpty()) {
      secret = new byte[32];
      new java.security.SecureRandom().nextBytes(secret);
      LOG.warn("PARLEY_TOKEN_SECRET is not set: agent tokens are signed with a random secret made at start; "
          + "they stop working at restart and on other instances");
    } else {
      secret = config.agents().tokenSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    AgentPresence presence = new AgentPresence();
    metrics.agentSockets(presence::socketCount);
    if (config.handoff().autoAssign()) {
      handoffs.autoAssigner(new LeastLoadedAssigner(directory, presence, handoffStore));
    }
    agentRoutes = new AgentRoutes(vertx, directory, new AgentTokens(secret, config.agents().tokenTtl()),
        new LoginThrottle(), presence, handoffs, metrics, clock);
    LOG.info("handoff: {} agent accounts, hours {}, sweep every {} s, auto-assign {}", directory.all().size(),
        config.handoff().alwaysOpen() ? "always open" : "from " + config.handoff().teamsFile(),
        config.handoff().sweepInterval().toSeconds(), config.handoff().autoAssign() ? "on" : "off");
    return null;
  }

  /**
   * With Redis: relays events between instances (an agent on one, the customer on another). Started
   * in the background once the store is connected; until then events stay local.
   */
  private Future<Void> startRelay() {
    if (!(rawStore instanceof RedisConversationStore redis)) {
      return Future.succeededFuture();
    }
    relay = new RedisEventRelay(vertx, redis);
    service.events().relay(relay);
    subscribeWhenConnected();
    return Future.succeededFuture();
  }

  private void subscribeWhenConnected() {
    if (stopping) {
      return;
    }
    if (!store.ready()) {
      vertx.setTimer(500, t -> subscribeWhenConnected());
      return;
    }
    relay.start().onFailure(e -> {
      LOG.warn("event relay between instances not started yet: {}", e.toString());
      vertx.setTimer(2000, t -> subscribeWhenConnected());
    });
  }

  /** The handoff core (tests reach the sweep and the store through it). */
  public HandoffService handoffs() {
    return handoffs;
  }

  public DueTimeSweep sweep() {
    return sweep;
  }

  /** The complaint-category model, through a port (it loads with the intent model). */
  private io.parley.flow.ComplaintCategories complaintCategories() {
    return text -> {
      ComplaintCategory c = complaints.categorize(text);
      return new io.parley.flow.ComplaintCategories.Guess(c.category(), c.confidence());
    };
  }

  /**
   * A message the bot did not understand: counted, logged without its text (it may hold personal
   * data), and published with the text for the review tools.
   */
  private void recordMiss(String conversationId, long seq, String reason, String text, String language, int inARow) {
    metrics.botMiss(reason);
    LOG.info("conv={} seq={} bot miss ({}, {} in a row, {})", conversationId, seq, reason, inARow, language);
    vertx.eventBus().publish(Addresses.BOT_MISSES, new JsonObject().put("conversationId", conversationId)
        .put("seq", seq).put("reason", reason).put("text", text).put("language", language).put("inARow", inARow));
  }

  /**
   * Trains or loads the complaint-category model and the intent model off the event loop; the
   * server is not ready until both are there.
   */
  private void loadModel() {
    vertx.executeBlocking(() -> {
      try {
        complaints = ComplaintCategorizer.trainOrLoad(config.intentsDir(), config.modelCacheDir(),
            ComplaintCategorizer.defaultConfig(), line -> LOG.info("complaint model: {}", line));
      } catch (Exception e) {
        throw new IllegalStateException("complaint model: " + e.getMessage(), e);
      }
      return IntentTrainer.trainOrLoad(config.intentsDir(), config.modelCacheDir(),
            EngineConfig.defaults(), line -> LOG.info("intent model: {}", line));
    })
        .onSuccess(model -> {
          classifier = new OpenNlpIntentClassifier(model);
          LOG.info("intent model ready ({} labels)", model.labels().size());
        })
        .onFailure(e -> {
          modelProblem = "language model failed: " + e.getMessage();
          LOG.error("language models failed to load: {}", e.getMessage());
        });
  }

  private Future<Void> deployHttp() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.server().host())
        .setPort(config.server().port())
        // The session enforces webchat.max_frame_bytes itself (closing with 1009); this hard cap only
        // bounds what a connection can make the server buffer before it drops the connection.
        .setMaxWebSocketFrameSize(hardCap(config.webchat().maxFrameBytes()))
        .setMaxWebSocketMessageSize(hardCap(config.webchat().maxFrameBytes()));
    int instances = config.server().port() == 0 ? 1 : config.server().effectiveInstances();
    List<HttpVerticle> verticles = new ArrayList<>();
    return vertx.deployVerticle(() -> {
      HttpVerticle v = new HttpVerticle(options, this::router);
      synchronized (verticles) {
        verticles.add(v);
      }
      return v;
    }, new DeploymentOptions().setInstances(instances)).map(id -> {
      deployments.add(id);
      port = verticles.get(0).actualPort();
      return null;
    });
  }

  private static int hardCap(int limit) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1L << 20, 4L * limit));
  }

  /** Every route of the server, for one verticle instance. */
  private Router router(Vertx v) {
    Router router = Router.router(v);
    OpsRoutes.mount(router, readiness, metrics);
    WebChatRoutes.mount(router, v, service, config.server(), config.webchat(), metrics);
    StaticRoutes.mount(router);
    agentRoutes.mount(router);
    Failures.install(router);
    return router;
  }

  static ConversationStore createStore(Vertx vertx, StoreConfig sc) {
    if (sc.effectiveKind() == StoreKind.REDIS) {
      return new RedisConversationStore(vertx, sc.redis(), sc.conversationTtl(), sc.idempotencyTtl());
    }
    return new MemoryConversationStore(vertx, Clock.systemUTC(), sc.conversationTtl(), sc.idempotencyTtl(), sc.memory());
  }

  /** The port it listens on (the real one when configured with 0). */
  public int port() {
    return port;
  }

  public Readiness readiness() {
    return readiness;
  }

  public ConversationStore store() {
    return store;
  }

  /** The conversation service (tests post messages through it as the bot or an agent would). */
  public ConversationService conversations() {
    return service;
  }

  /**
   * Graceful stop: not ready, stop accepting (sockets close and clients resume elsewhere), finish the
   * turns in flight, then close the store.
   */
  public Future<Void> stop() {
    stopping = true;
    LOG.info("Parley stopping: closing listeners, finishing turns in flight");
    long start = System.nanoTime();
    Future<Void> undeployed = Future.all(deployments.stream().map(vertx::undeploy).toList()).mapEmpty();
    return undeployed
        .andThen(ar -> LOG.debug("listeners closed after {} ms", (System.nanoTime() - start) / 1_000_000))
        .eventually(() -> service == null ? Future.succeededFuture() : service.drain(config.server().shutdownGrace()))
        .andThen(ar -> LOG.debug("turns drained after {} ms", (System.nanoTime() - start) / 1_000_000))
        .eventually(() -> {
          if (sweep != null) {
            sweep.stop();
          }
          Future<Void> handoffsClosed = memoryHandoffs == null ? Future.succeededFuture() : memoryHandoffs.close();
          return handoffsClosed.eventually(() -> relay == null ? store.close()
              : relay.close().eventually(() -> store.close()));
        })
        .onComplete(ar -> LOG.info("Parley stopped after {} ms", (System.nanoTime() - start) / 1_000_000));
  }
}
