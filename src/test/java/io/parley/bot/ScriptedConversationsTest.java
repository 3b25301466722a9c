package io.parley.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.parley.config.YamlFiles;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationStatus;
import io.parley.nlu.Language;
import io.parley.nlu.LanguageDetector;
import io.parley.testing.Await;
import io.parley.testing.ChatClient;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conversations written as scripts ({@code src/test/resources/scripts/*.yml}) played against a
 * running server with the real intent model, over the web chat socket, one conversation per script.
 * A turn says or presses something and states what the bot must do: the intent on its reply, the
 * script of its words, texts it must say (keys of intents/), words it must contain, buttons it must
 * offer, a case number it must give (remembered as {@code $case} for later turns), a handoff. A
 * script's file name starts with its language (zh-Hans-, zh-Hant-, en-): the texts it names are
 * looked up in that language.
 */
class ScriptedConversationsTest {

  private static final Path SCRIPTS = Path.of("src/test/resources/scripts");
  private static final TextCatalog TEXTS = TextCatalog.load(Path.of("intents"));
  private static final LanguageDetector SCRIPT = new LanguageDetector();
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static Vertx vertx;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = RunningServer.start(vertx, io.parley.testing.HandoffTesting.alwaysOpen(TestServers.memory()));
  }

  @AfterAll
  static void stop() {
    server.close();
    Await.await(vertx.close());
  }

  @TestFactory
  Stream<DynamicTest> everyScript() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(SCRIPTS)) {
      files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> play(f)));
  }

  @SuppressWarnings("unchecked")
  private static void play(Path file) {
    Map<String, Object> script = (Map<String, Object>) YamlFiles.read(file);
    String locale = (String) script.get("locale");
    Map<String, String> vars = new HashMap<>();
    try (ChatClient c = server.chat()) {
      if (locale == null) {
        c.hello();
      } else {
        c.hello(locale);
      }
      JsonObject welcome = c.next("welcome");
      String conversationId = welcome.getString("conversationId");
      c.next("message");
      int n = 0;
      for (Map<String, Object> turn : (List<Map<String, Object>>) script.get("turns")) {
        n++;
        String where = file.getFileName() + " turn " + n;
        String id = "t" + n;
        if (turn.containsKey("say")) {
          c.message(substitute(String.valueOf(turn.get("say")), vars), id);
        } else {
          Map<String, String> press = (Map<String, String>) turn.get("press");
          c.send(new JsonObject().put("type", "postback").put("payload", press.get("payload"))
              .put("title", press.get("title")).put("clientMsgId", id));
        }
        c.next("ack");
        assertEquals("customer", c.next("message").getString("from"), where);
        List<JsonObject> replies = new ArrayList<>();
        replies.add(c.next("message"));
        c.drain(Duration.ofMillis(300)).stream().filter(f -> "message".equals(f.getString("type"))).forEach(replies::add);
        check(turn, replies, vars, where, conversationId);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> turn, List<JsonObject> replies, Map<String, String> vars, String where,
      String conversationId) {
    String all = String.join("\n", replies.stream().map(r -> r.getString("text")).toList());
    JsonObject lastBot = replies.stream().filter(r -> "bot".equals(r.getString("from"))).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError(where + ": no bot reply in " + replies));
    String context = where + ", replies: " + all;
    if (turn.containsKey("intent")) {
      assertTrue(replies.stream().anyMatch(r -> turn.get("intent").equals(r.getString("intent"))),
          context + "\nexpected intent " + turn.get("intent") + " on a reply, got "
              + replies.stream().map(r -> r.getString("intent")).toList());
    }
    Language lang = null;
    if (turn.containsKey("script")) {
      lang = Language.fromTag((String) turn.get("script")).orElseThrow();
      for (JsonObject r : replies) {
        String text = r.getString("text");
        if (lang == Language.EN) {
          assertFalse(CJK.matcher(text.replaceAll("\\(.*?\\)|[A-Z]-\\d{6}", "")).find(),
              context + "\nan English reply with Chinese in it: " + text);
        } else {
          assertEquals(lang, SCRIPT.detect(text), context + "\nreply not in " + lang + ": " + text);
        }
      }
    }
    for (String key : (List<String>) turn.getOrDefault("says", List.of())) {
      Language l = lang == null ? language(where) : lang;
      String expected = TEXTS.text(key, l).replaceAll("\\{[a-z]+\\}.*", "");
      assertTrue(all.contains(expected), context + "\nmissing text " + key + ": " + expected);
    }
    for (String word : (List<String>) turn.getOrDefault("contains", List.of())) {
      assertTrue(all.contains(substitute(word, vars)), context + "\nmissing: " + substitute(word, vars));
    }
    for (String word : (List<String>) turn.getOrDefault("lacks", List.of())) {
      assertFalse(all.toLowerCase().contains(word.toLowerCase()), context + "\nmust not say: " + word);
    }
    if (turn.containsKey("buttons")) {
      JsonArray qr = lastBot.getJsonArray("quickReplies", new JsonArray());
      List<String> payloads = qr.stream().map(o -> ((JsonObject) o).getString("payload")).toList();
      for (String p : (List<String>) turn.get("buttons")) {
        assertTrue(payloads.contains(p), context + "\nmissing button " + p + " in " + payloads);
      }
    }
    if (turn.containsKey("case")) {
      Matcher m = Pattern.compile(turn.get("case") + "-\\d{6}").matcher(all);
      assertTrue(m.find(), context + "\nno " + turn.get("case") + "- case number");
      vars.put("case", m.group());
    }
    Conversation state = Await.await(server.server().store().load(conversationId));
    assertNotNull(state);
    if (turn.containsKey("handoff")) {
      assertEquals(ConversationStatus.WAITING, state.status(), context + "\nexpected a handoff");
    } else if (state.status() != ConversationStatus.BOT) {
      fail(context + "\nunexpected handoff: " + state.status());
    }
    if (turn.containsKey("flow")) {
      assertEquals("none".equals(turn.get("flow")) ? null : turn.get("flow"), state.flow(), context);
    }
  }

  /** The language a script is written in: its file name starts with the tag. */
  private static Language language(String where) {
    for (Language l : Language.values()) {
      if (where.startsWith(l.tag() + "-")) {
        return l;
      }
    }
    throw new IllegalArgumentException(where + ": a script's file name starts with zh-Hans-, zh-Hant- or en-");
  }

  private static String substitute(String s, Map<String, String> vars) {
    String out = s;
    for (Map.Entry<String, String> v : vars.entrySet()) {
      out = out.replace("$" + v.getKey(), v.getValue());
    }
    return out;
  }
}
