package io.parley.nlu.entity;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Finds the entities of one customer message: side, instrument, quantity, price, phone, ID number,
 * e-mail and case number (contracts.md §2, {@code classify}).
 *
 * <p>Load once at start-up ({@link #load(Path)} blocks while it reads the instrument list); after
 * that {@link #extract(String)} is thread-safe, allocation-light and linear in the message length
 * (no regular expressions), so it can run inline on an event loop.
 *
 * <p>The extractors run in a fixed order, each taking what it recognises out of play for the ones
 * after it: e-mail addresses, instrument names, case numbers, ID numbers, phone numbers, incidental
 * numbers (years, dates, times, percentages, account numbers), codes, side, quantities with a unit,
 * prices with a price or currency word, and finally the numbers left without any mark.
 */
public final class EntityExtractor {

  private static final int A_SHARE_LOT = 100;

  private final InstrumentList instruments;
  private final EmailExtractor emails = new EmailExtractor();
  private final InstrumentExtractor instrumentExtractor;
  private final CaseIdExtractor caseIds = new CaseIdExtractor();
  private final IdNumberExtractor idNumbers = new IdNumberExtractor();
  private final PhoneExtractor phones = new PhoneExtractor();
  private final IncidentalNumberFilter incidental = new IncidentalNumberFilter();
  private final SideExtractor sides = new SideExtractor();
  private final QuantityExtractor quantities = new QuantityExtractor();
  private final PriceExtractor prices = new PriceExtractor();
  private final UnmarkedNumbers unmarked = new UnmarkedNumbers();

  public EntityExtractor(InstrumentList instruments) {
    this.instruments = instruments;
    this.instrumentExtractor = new InstrumentExtractor(instruments);
  }

  /** Reads the instrument list (blocking); throws {@link InstrumentListException} when it is broken. */
  public static EntityExtractor load(Path instrumentsCsv) {
    return new EntityExtractor(InstrumentList.load(instrumentsCsv));
  }

  /** Where the instrument list is looked for by {@link #loadDefault()}. */
  public static final Path DEFAULT_INSTRUMENTS = Path.of("config", "instruments.csv");
  private static final String BUNDLED_INSTRUMENTS = "/io/parley/config/instruments.csv";

  /**
   * Loads {@code config/instruments.csv} from the working directory when it exists (staff edit that
   * file), else the copy bundled in the jar at build time. Blocking.
   */
  public static EntityExtractor loadDefault() {
    if (java.nio.file.Files.isRegularFile(DEFAULT_INSTRUMENTS)) {
      return load(DEFAULT_INSTRUMENTS);
    }
    try (java.io.InputStream in = EntityExtractor.class.getResourceAsStream(BUNDLED_INSTRUMENTS)) {
      if (in == null) {
        throw new InstrumentListException("no " + DEFAULT_INSTRUMENTS + " and no bundled instrument list");
      }
      String csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new EntityExtractor(InstrumentList.parse(csv, "classpath:" + BUNDLED_INSTRUMENTS));
    } catch (java.io.IOException e) {
      throw new InstrumentListException("cannot read the bundled instrument list: " + e.getMessage(), e);
    }
  }

  public InstrumentList instruments() {
    return instruments;
  }

  public Entities extract(String text) {
    Message m = new Message(text == null ? "" : text);
    emails.extract(m);
    instrumentExtractor.findNames(m);
    caseIds.extract(m);
    idNumbers.extract(m);
    phones.extract(m);
    incidental.extract(m);
    instrumentExtractor.extract(m);
    sides.extract(m);
    QuantityExtractor.Quantity quantity = quantities.extract(m);
    prices.extract(m);
    int lot = lotSize(m);
    // numbers without a unit or price word mean something only in an order (a side or an instrument)
    boolean order = m.side != null || m.instrumentCode != null;
    Long unmarkedShares = order ? unmarked.resolve(m, quantity, lot > 0 ? lot : A_SHARE_LOT) : null;

    Long shares = null;
    Long lots = null;
    if (quantity != null && quantity.lots()) {
      lots = quantity.amount();
      shares = lot > 0 ? quantity.amount() * lot : null;
    } else if (quantity != null) {
      shares = quantity.amount();
    } else {
      shares = unmarkedShares;
    }
    String priceType = m.priceType != null ? m.priceType : m.price != null ? "limit" : null;
    BigDecimal price = "market".equals(priceType) ? null : m.price;
    return new Entities(m.side, m.instrumentCode, shares, lots, price, priceType, m.phone, m.idNumber, m.email,
        m.caseId, m.wholePosition);
  }

  /** Shares per lot: the list's board lot, 100 for any A-share; 0 when unknown (a lot then stays a lot). */
  private static int lotSize(Message m) {
    if (m.instrument != null && m.instrument.boardLot() > 0) {
      return m.instrument.boardLot();
    }
    if (m.instrumentCode != null && Market.ofMainlandCode(m.instrumentCode) != null) {
      return A_SHARE_LOT;
    }
    return 0;
  }
}
