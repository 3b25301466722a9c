package io.parley.http;

import io.parley.bot.Bots;
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
  private volatile String modelProblem = "intent model loading";
  private volatile boolean started;
  private volatile boolean stopping;
  private int port;

  private ParleyServer(Vertx vertx, ParleyConfig config, ParleyMetrics metrics) {
    this.vertx = vertx;
    this.config = config;
    this.metrics = metrics;
  }

  /** Starts Parley on {@code vertx}; the future completes when it listens (it may not be ready yet). */
  public static Future<ParleyServer> start(Vertx vertx, ParleyConfig config, ParleyMetrics metrics) {
    ParleyServer s = new ParleyServer(vertx, config, metrics);
    return s.startUp().map(s);
  }

  private Future<Void> startUp() {
    store = new MeteredConversationStore(createStore(vertx, config.store()), metrics);
    readiness
        .add("server", () -> stopping ? "shutting down" : started ? null : "starting")
        .add("store", () -> store.ready() ? null : "store not reachable: " + store.describe())
        .add("model", () -> classifier != null ? null : modelProblem);
    return vertx.executeBlocking(() -> Bots.create(config, store, () -> classifier, complaintCategories(),
            Clock.systemUTC(), this::recordMiss))
        .compose(responder -> {
          service = new ConversationService(vertx, store, responder, Clock.systemUTC(), () -> classifier != null);
          return store.start();
        })
        .compose(v -> deployHttp())
        .onSuccess(v -> loadModel())
        .onSuccess(v -> {
          started = true;
          LOG.info("Parley listening on http://{}:{} (web chat at ws://localhost:{}{}), store: {}",
              config.server().host(), port, port, WebChatRoutes.PATH, store.describe());
        });
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
        .eventually(() -> store.close())
        .onComplete(ar -> LOG.info("Parley stopped after {} ms", (System.nanoTime() - start) / 1_000_000));
  }
}
