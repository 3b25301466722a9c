package io.parley.bot;

import io.parley.cases.CaseDesk;
import io.parley.cases.CasePolicy;
import io.parley.config.ParleyConfig;
import io.parley.config.YamlFiles;
import io.parley.faq.KnowledgeBase;
import io.parley.flow.ComplaintCategories;
import io.parley.flow.ComplaintFlow;
import io.parley.flow.DemoOneTimeCodeVerifier;
import io.parley.flow.FollowUpFlow;
import io.parley.flow.InfoUpdateFlow;
import io.parley.flow.TradeInstructionFlow;
import io.parley.flow.TradeProblemFlow;
import io.parley.flow.VerificationFlow;
import io.parley.nlu.IntentClassifier;
import io.parley.nlu.entity.EntityExtractor;
import io.parley.store.ConversationStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Builds the bot from {@code intents/} and {@code config/} (blocking: call in executeBlocking). */
public final class Bots {

  private Bots() {
  }

  /**
   * @param texts every customer-facing text ({@link TextCatalog#load}, shared with the handoff side)
   * @param classifier the intent classifier once loaded (null before)
   * @param categories the complaint-category model
   */
  public static DialogueEngine create(ParleyConfig config, TextCatalog texts, ConversationStore store,
      Supplier<IntentClassifier> classifier, ComplaintCategories categories, Clock clock, MissRecorder misses) {
    EntityExtractor extractor = EntityExtractor.loadDefault();
    CaseDesk desk = new CaseDesk(store, CasePolicy.loadDefault(YamlFiles.holidays(config.handoff().holidaysFile())));
    var verifier = new DemoOneTimeCodeVerifier(texts, config.bot().codeValidity());
    return new DialogueEngine(texts, KnowledgeBase.load(config.intentsDir()), MainMenu.load(config.intentsDir()),
        EngineVocabulary.load(config.intentsDir()), classifier, extractor,
        List.of(new TradeInstructionFlow(desk, extractor.instruments()), new TradeProblemFlow(),
            new ComplaintFlow(desk, categories), new FollowUpFlow(desk), new InfoUpdateFlow(desk),
            new VerificationFlow(verifier)),
        desk, clock, config.bot().verificationTtl(), misses);
  }
}
