package io.parley.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny intents directory for tests (the real intents/ may not exist in a checkout). */
public final class TestIntents {

  private TestIntents() {}

  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    file(dir, "greeting", """
        id: greeting
        examples:
          zh-Hans: [你好, 您好 在吗, 早上好, 哈喽, 在吗, 你好呀]
          zh-Hant: [你好, 您好 在嗎, 早晨, 哈囉, 喺度嗎, 你好呀]
          en: [hi, hello there, good morning, hey, hi there, hello]
        """);
    file(dir, "goodbye", """
        id: goodbye
        examples:
          zh-Hans: [再见, 拜拜, 下次见, 先这样 再见, 回头见, 走了 拜拜]
          zh-Hant: [再見, 拜拜, 下次見, 先咁 再見, 遲啲見, 走先 拜拜]
          en: [bye, goodbye, see you, bye bye, see you later, talk later bye]
        """);
    file(dir, "faq_fees", """
        id: faq_fees
        examples:
          zh-Hans: [佣金怎么收, 印花税是多少, 手续费多少, 最低佣金是多少, 过户费怎么算, 交易费用有哪些]
          zh-Hant: [佣金點計, 印花稅係幾多, 手續費幾多, 最低佣金係幾多, 過戶費點計, 交易費用有邊啲]
          en: [what is the commission, how much is stamp duty, what are your fees, minimum commission, transfer fee, trading costs]
        """);
    file(dir, "trade_instruction", """
        id: trade_instruction
        examples:
          zh-Hans: [买入600519 100股, 卖出000001 5手, 帮我买300750 200股 限价180, 卖掉600036 1000股, 买两手茅台, 市价卖出601318 300股]
          zh-Hant: [買入00700 100股, 沽出00005 2手, 幫我買03690 500股 限價120, 賣出09988 100股, 買兩手騰訊, 市價沽01299 400股]
          en: [buy 100 shares of aapl, sell 2 lots of 00700 at market, buy 600519 100 shares limit 1800, sell all my tsla, buy 50 msft at 410.5, sell 300 shares of 601318]
        """);
    file(dir, "out_of_scope", """
        id: out_of_scope
        examples:
          zh-Hans: [今天天气怎么样, 讲个笑话, 哪只股票会涨, 推荐一只股票, 你喜欢吃什么, 明天会下雨吗]
          zh-Hant: [今日天氣點樣, 講個笑話, 邊隻股票會升, 推介隻股票, 你鍾意食咩, 聽日會落雨嗎]
          en: [what's the weather, tell me a joke, which stock will go up, recommend a stock, what do you like to eat, will it rain tomorrow]
        """);
    return dir;
  }

  public static void file(Path dir, String name, String yaml) throws IOException {
    Files.writeString(dir.resolve(name + ".yml"), yaml, StandardCharsets.UTF_8);
  }

  /** Settings that train quickly on this data. */
  public static EngineConfig fastConfig() {
    return EngineConfig.defaults().with("iterations", "40").with("tuningFolds", "3");
  }
}
