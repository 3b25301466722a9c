package io.parley.flow;

import io.parley.cases.CaseDesk;
import io.parley.conversation.HandoffRequest;
import io.parley.conversation.OutboundMessage;
import io.parley.nlu.Language;
import io.parley.nlu.entity.Entities;
import io.parley.nlu.entity.Instrument;
import io.parley.nlu.entity.InstrumentList;
import io.parley.nlu.entity.Market;
import io.parley.store.CaseKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trade instruction (process 3.3.2): collects side, instrument, quantity and price (limit or
 * market) from what the customer wrote, asks only for what is missing, reads the whole instruction
 * back and takes it only on an explicit yes. A confirmed instruction becomes an immutable {@code T-}
 * record and goes to the trading desk; the customer is told it is not an order yet. A correction at
 * any point ("300股", "限价1800") replaces that part and the instruction is read back again.
 */
public final class TradeInstructionFlow implements Flow {

  public static final String ID = "trade_instruction";
  private static final String SIDE = "side";
  private static final String CODE = "code";
  private static final String QTY = "qty";
  private static final String ALL = "all";
  private static final String PRICE_TYPE = "priceType";
  private static final String PRICE = "price";
  private static final String STEP = "step";
  private static final String CONFIRM = "confirm";

  private final CaseDesk desk;
  private final InstrumentList instruments;

  public TradeInstructionFlow(CaseDesk desk, InstrumentList instruments) {
    this.desk = desk;
    this.instruments = instruments;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Future<FlowStep> start(FlowTurn t) {
    Map<String, String> slots = new HashMap<>();
    merge(slots, t.entities(), t.payload());
    return Future.succeededFuture(askNext(t, slots, null));
  }

  @Override
  public Future<FlowStep> next(FlowTurn t) {
    Map<String, String> slots = new HashMap<>(t.slots());
    boolean changed = merge(slots, t.entities(), t.payload());
    boolean confirming = CONFIRM.equals(slots.get(STEP));
    if (confirming && !changed) {
      if (t.affirms()) {
        return confirmed(t, slots);
      }
      if (t.denies()) {
        slots.put(STEP, "change");
        return Future.succeededFuture(FlowStep.ask(slots, t.bot(ID, t.say("trade.ask_change"),
            List.of(t.button("flow.button.cancel", "cancel")))));
      }
    }
    if (!changed) {
      if (t.isAnotherTopic(ID)) {
        return Future.succeededFuture(FlowStep.aside());
      }
      return Future.succeededFuture(askNext(t, slots, "trade.not_understood"));
    }
    return Future.succeededFuture(askNext(t, slots, null));
  }

  @Override
  public OutboundMessage prompt(FlowTurn t) {
    return question(t, new HashMap<>(t.slots()), null);
  }

  private FlowStep askNext(FlowTurn t, Map<String, String> slots, String preface) {
    String problem = quantityProblem(slots);
    if (problem != null) {
      slots.remove(QTY);
      preface = problem;
    }
    OutboundMessage q = question(t, slots, preface);
    slots.put(STEP, missing(slots) == null ? CONFIRM : missing(slots));
    return FlowStep.ask(slots, q);
  }

  /** The next thing to ask, or null when the instruction is complete. */
  private static String missing(Map<String, String> slots) {
    if (!slots.containsKey(SIDE)) {
      return SIDE;
    }
    if (!slots.containsKey(CODE)) {
      return CODE;
    }
    if (!slots.containsKey(QTY) && !slots.containsKey(ALL)) {
      return QTY;
    }
    if (!slots.containsKey(PRICE_TYPE)) {
      return PRICE;
    }
    return null;
  }

  private OutboundMessage question(FlowTurn t, Map<String, String> slots, String preface) {
    String m = missing(slots);
    String text;
    List<io.parley.conversation.QuickReply> buttons;
    if (m == null) {
      text = t.say("trade.read_back", Map.of("instruction", readBack(t, slots)));
      buttons = List.of(t.button("trade.button.confirm", "affirm"), t.button("trade.button.change", "deny"),
          t.button("flow.button.cancel", "cancel"));
    } else {
      text = t.say("trade.ask_" + m);
      buttons = switch (m) {
        case SIDE -> List.of(t.button("trade.button.buy", "side:buy"), t.button("trade.button.sell", "side:sell"),
            t.button("flow.button.cancel", "cancel"));
        case PRICE -> List.of(t.button("trade.button.market", "price:market"), t.button("flow.button.cancel", "cancel"));
        default -> List.of(t.button("flow.button.cancel", "cancel"));
      };
    }
    if (preface != null) {
      text = t.say(preface) + "\n" + text;
    }
    return t.bot(ID, text, buttons);
  }

  /** Puts what the message says into the slots; whether anything changed. */
  private boolean merge(Map<String, String> slots, Entities e, String payload) {
    Map<String, String> before = new HashMap<>(slots);
    if (payload != null) {
      if (payload.startsWith("side:")) {
        slots.put(SIDE, payload.substring(5));
      } else if (payload.equals("price:market")) {
        slots.put(PRICE_TYPE, "market");
        slots.remove(PRICE);
      }
    }
    if (e != null) {
      if (e.side() != null) {
        slots.put(SIDE, e.side());
      }
      if (e.instrument() != null) {
        slots.put(CODE, e.instrument());
      }
      Long shares = shares(e, slots.get(CODE));
      if (shares != null) {
        slots.put(QTY, String.valueOf(shares));
        slots.remove(ALL);
      } else if (e.wholePosition()) {
        slots.put(ALL, "1");
        slots.remove(QTY);
      }
      if ("market".equals(e.priceType())) {
        slots.put(PRICE_TYPE, "market");
        slots.remove(PRICE);
      } else if (e.price() != null) {
        slots.put(PRICE_TYPE, "limit");
        slots.put(PRICE, e.price().toPlainString());
      }
    }
    return !slots.equals(before);
  }

  private Long shares(Entities e, String code) {
    if (e.quantityShares() != null) {
      return e.quantityShares();
    }
    if (e.quantityLots() != null && code != null) {
      return instrument(code).filter(i -> i.boardLot() > 0).map(i -> e.quantityLots() * i.boardLot()).orElse(null);
    }
    return null;
  }

  /** Why the quantity cannot be traded as given (a text key), or null. Sells may be odd lots. */
  private String quantityProblem(Map<String, String> slots) {
    if (!slots.containsKey(QTY) || !slots.containsKey(CODE)) {
      return null;
    }
    long qty = Long.parseLong(slots.get(QTY));
    if (qty <= 0) {
      return "trade.quantity_positive";
    }
    if (!"buy".equals(slots.get(SIDE))) {
      return null;
    }
    Optional<Instrument> i = instrument(slots.get(CODE));
    Market market = i.map(Instrument::market).orElse(Market.fromCode(slots.get(CODE)));
    if (market != null && market.isMainland()) {
      if (slots.get(CODE).startsWith("688")) {
        return qty < 200 ? "trade.quantity_star_minimum" : null;
      }
      return qty % 100 != 0 ? "trade.quantity_board_lot_a" : null;
    }
    if (market == Market.HK && i.isPresent() && i.get().boardLot() > 0 && qty % i.get().boardLot() != 0) {
      return "trade.quantity_board_lot_hk";
    }
    return null;
  }

  private Optional<Instrument> instrument(String code) {
    return instruments.byCode(code);
  }

  /** The instruction in one line, in the customer's language: 买入 贵州茅台(600519) 200股 限价1750.50元. */
  String readBack(FlowTurn t, Map<String, String> slots) {
    var texts = t.texts();
    Language lang = t.lang();
    String code = slots.get(CODE);
    Optional<Instrument> i = instrument(code);
    String name = i.map(x -> switch (lang) {
      case ZH_HANS -> x.nameHans();
      case ZH_HANT -> x.nameHant();
      case EN -> x.nameEn();
    }).filter(n -> !n.isBlank()).orElse(null);
    Market market = i.map(Instrument::market).orElse(Market.fromCode(code));
    String instrument = name == null ? code : texts.text("trade.instrument", lang, Map.of("name", name, "code", code));
    String quantity = slots.containsKey(ALL) ? texts.text("trade.quantity_all", lang)
        : texts.text("trade.quantity_shares", lang, Map.of("n", slots.get(QTY)));
    String price = "market".equals(slots.get(PRICE_TYPE)) ? texts.text("trade.price_market", lang)
        : texts.text("trade.price_limit", lang, Map.of("price", formatPrice(slots.get(PRICE)),
            "currency", texts.text("trade.currency." + currency(market), lang)));
    return texts.text("trade.instruction", lang, Map.of("side", texts.text("trade.side." + slots.get(SIDE), lang),
        "instrument", instrument, "quantity", quantity, "price", price));
  }

  private static String currency(Market m) {
    if (m == Market.HK) {
      return "HKD";
    }
    return m == Market.US ? "USD" : "CNY";
  }

  private static String formatPrice(String p) {
    BigDecimal d = new BigDecimal(p);
    return d.setScale(Math.max(2, d.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  private Future<FlowStep> confirmed(FlowTurn t, Map<String, String> slots) {
    String readBack = readBack(t, slots);
    boolean verified = t.verifiedCustomer() != null;
    JsonObject data = new JsonObject()
        .put("side", slots.get(SIDE))
        .put("instrument", slots.get(CODE))
        .put("quantityShares", slots.containsKey(QTY) ? Long.valueOf(slots.get(QTY)) : null)
        .put("wholePosition", slots.containsKey(ALL))
        .put("priceType", slots.get(PRICE_TYPE))
        .put("price", slots.get(PRICE))
        .put("readBack", readBack)
        .put("language", t.lang().tag())
        .put("confirmationSeq", t.entry().seq())
        .put("customerVerified", verified)
        .put("note", verified ? null : "identity not verified: the desk must verify the customer before acting");
    instrument(slots.get(CODE)).ifPresent(i -> data.put("market", i.market().name()));
    return desk.open(t.conversation(), CaseKind.TRADE_INSTRUCTION, t.entry().seq(), t.now(), null, data).map(rec -> {
      String text = t.say("trade.taken", Map.of("case", rec.id(), "instruction", readBack));
      if (!verified) {
        text = text + "\n" + t.say("trade.unverified");
      }
      return FlowStep.handoff(new HandoffRequest(HandoffRequest.TRADING_DESK, HandoffRequest.PRIORITY_TRADE_INSTRUCTION,
          ID, readBack, rec.id()), t.bot(ID, text, List.of()));
    });
  }
}
