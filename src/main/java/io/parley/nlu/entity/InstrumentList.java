package io.parley.nlu.entity;

import io.parley.nlu.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instrument list ({@code config/instruments.csv}): codes, markets, names and board lots, with a
 * dictionary of folded names (Traditional folded to Simplified, lower case) for lookup in messages.
 * Immutable after loading, so one instance is shared by every thread.
 *
 * <p>Columns (header required, any order): {@code code, market, name_zh_hans, name_zh_hant,
 * name_en, aliases, board_lot, verify}. {@code aliases} holds short names separated by {@code |}.
 */
public final class InstrumentList {

  static final List<String> COLUMNS =
      List.of("code", "market", "name_zh_hans", "name_zh_hant", "name_en", "aliases", "board_lot", "verify");

  /** US tickers that are everyday English words: matched only when written in capitals. */
  private static final Set<String> WORD_TICKERS = Set.of("COST", "ALL", "NOW", "ON", "IT", "ARE", "KEY", "LOW");

  /** A name of one or more instruments (a dual-listed company's name names two rows). */
  record NameEntry(String folded, List<Instrument> instruments, boolean ticker, boolean caseSensitive,
                   String written) {
  }

  private final List<Instrument> instruments;
  private final Map<String, Instrument> byCode;
  private final Map<String, NameEntry> byName;
  private final Map<Character, List<NameEntry>> namesByFirstChar;

  private InstrumentList(List<Instrument> instruments) {
    this.instruments = List.copyOf(instruments);
    Map<String, Instrument> codes = new HashMap<>();
    Map<String, List<Instrument>> names = new LinkedHashMap<>();
    Map<String, String> written = new HashMap<>();
    Map<String, Boolean> tickers = new HashMap<>();
    for (Instrument ins : instruments) {
      if (codes.putIfAbsent(ins.code(), ins) != null) {
        throw new InstrumentListException("duplicate code " + ins.code());
      }
      List<String> all = new ArrayList<>(ins.allNames());
      if (ins.market() == Market.US) {
        all.add(ins.code());
      }
      for (String name : all) {
        String folded = foldName(name);
        List<Instrument> list = names.computeIfAbsent(folded, k -> new ArrayList<>());
        if (!list.contains(ins)) {
          list.add(ins);
        }
        written.putIfAbsent(folded, name.trim());
        if (ins.market() == Market.US && name.equals(ins.code())) {
          tickers.put(folded, true);
        }
      }
    }
    this.byCode = Map.copyOf(codes);
    Map<String, NameEntry> entries = new HashMap<>();
    Map<Character, List<NameEntry>> index = new HashMap<>();
    names.forEach((folded, list) -> {
      boolean ticker = tickers.getOrDefault(folded, false);
      String w = written.get(folded);
      boolean caseSensitive = ticker && (w.length() <= 2 || WORD_TICKERS.contains(w));
      NameEntry e = new NameEntry(folded, List.copyOf(list), ticker, caseSensitive, w);
      entries.put(folded, e);
      index.computeIfAbsent(folded.charAt(0), k -> new ArrayList<>()).add(e);
    });
    index.values().forEach(l -> l.sort(Comparator.comparingInt((NameEntry e) -> e.folded().length()).reversed()));
    this.byName = Map.copyOf(entries);
    this.namesByFirstChar = Map.copyOf(index);
  }

  /** Reads and checks the list; blocking, meant for start-up. */
  public static InstrumentList load(Path csv) {
    try {
      return parse(Files.readString(csv, StandardCharsets.UTF_8), csv.toString());
    } catch (IOException e) {
      throw new InstrumentListException("cannot read instrument list " + csv + ": " + e.getMessage(), e);
    }
  }

  static InstrumentList parse(String content, String source) {
    List<List<String>> rows;
    try {
      rows = Csv.parse(content, source).stream()
          .filter(r -> !(r.size() == 1 && r.get(0).isBlank()))
          .map(Csv.Row::fields).toList();
    } catch (IllegalArgumentException e) {
      throw new InstrumentListException(source + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new InstrumentListException(source + ": empty, a header row is required");
    }
    Map<String, Integer> col = new HashMap<>();
    List<String> header = rows.get(0);
    for (int i = 0; i < header.size(); i++) {
      col.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    for (String c : COLUMNS) {
      if (!col.containsKey(c)) {
        throw new InstrumentListException(source + ": header lacks column " + c);
      }
    }
    List<Instrument> list = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      String where = source + " line " + (r + 1);
      try {
        list.add(toInstrument(row, col));
      } catch (RuntimeException e) {
        throw new InstrumentListException(where + ": " + e.getMessage(), e);
      }
    }
    try {
      return new InstrumentList(list);
    } catch (InstrumentListException e) {
      throw new InstrumentListException(source + ": " + e.getMessage(), e);
    }
  }

  private static Instrument toInstrument(List<String> row, Map<String, Integer> col) {
    Market market = Market.valueOf(field(row, col, "market").toUpperCase(Locale.ROOT));
    String code = field(row, col, "code");
    if (market == Market.US) {
      code = code.toUpperCase(Locale.ROOT);
    }
    if (!market.isWellFormedCode(code)) {
      throw new IllegalArgumentException("code " + code + " is not a well-formed " + market + " code");
    }
    String lot = field(row, col, "board_lot");
    int boardLot = lot.isEmpty() ? 0 : Integer.parseInt(lot);
    if (market == Market.HK && boardLot <= 0) {
      throw new IllegalArgumentException("Hong Kong code " + code + " needs a positive board_lot");
    }
    List<String> aliases = new ArrayList<>();
    for (String a : field(row, col, "aliases").split("\\|")) {
      if (!a.isBlank()) {
        aliases.add(a.trim());
      }
    }
    Instrument ins = new Instrument(code, market, field(row, col, "name_zh_hans"), field(row, col, "name_zh_hant"),
        field(row, col, "name_en"), aliases, boardLot, field(row, col, "verify"));
    if (ins.allNames().isEmpty()) {
      throw new IllegalArgumentException("code " + code + " has no name");
    }
    for (String name : ins.allNames()) {
      String folded = foldName(name);
      boolean ascii = folded.chars().allMatch(c -> c < 128);
      if (folded.length() < 2 && !(market == Market.US && name.equals(code))) {
        throw new IllegalArgumentException("name '" + name + "' is too short to look up safely");
      }
      if (!ascii && folded.length() < 2) {
        throw new IllegalArgumentException("name '" + name + "' is too short to look up safely");
      }
    }
    return ins;
  }

  private static String field(List<String> row, Map<String, Integer> col, String name) {
    int i = col.get(name);
    return i < row.size() ? row.get(i).trim() : "";
  }

  static String foldName(String name) {
    return TextFold.fold(name.trim().replaceAll("\\s+", " "));
  }

  public List<Instrument> all() {
    return instruments;
  }

  public Optional<Instrument> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The instruments a name stands for (several for a dual-listed company), in list order. */
  public List<Instrument> byName(String name) {
    NameEntry e = byName.get(foldName(name));
    return e == null ? List.of() : e.instruments();
  }

  /**
   * The instrument a name stands for: the A-share of a dual-listed company unless the message says
   * Hong Kong (then the Hong Kong row) or the US (then the US row); a name listed only in one market
   * resolves there.
   */
  public Optional<Instrument> resolveName(String name, boolean hongKongHint, boolean usHint) {
    return Optional.ofNullable(resolve(byName(name), hongKongHint, usHint));
  }

  static Instrument resolve(List<Instrument> candidates, boolean hongKongHint, boolean usHint) {
    if (candidates.isEmpty()) {
      return null;
    }
    List<Market> order = hongKongHint
        ? Arrays.asList(Market.HK, Market.SH, Market.SZ, Market.BJ, Market.US)
        : usHint
            ? Arrays.asList(Market.US, Market.SH, Market.SZ, Market.BJ, Market.HK)
            : Arrays.asList(Market.SH, Market.SZ, Market.BJ, Market.HK, Market.US);
    for (Market m : order) {
      for (Instrument i : candidates) {
        if (i.market() == m) {
          return i;
        }
      }
    }
    return candidates.get(0);
  }

  /**
   * The longest name that starts at {@code i} of a folded text, or null. A name that begins or ends
   * with an ASCII letter matches whole words only; a short ticker (V, MA) or one that is an English
   * word (COST) matches only when written in capitals in the original text.
   */
  NameEntry matchAt(String folded, String original, int i) {
    List<NameEntry> candidates = namesByFirstChar.get(folded.charAt(i));
    if (candidates == null) {
      return null;
    }
    for (NameEntry e : candidates) {
      String n = e.folded();
      int end = i + n.length();
      if (!folded.startsWith(n, i) || !Lexicon.wordBoundaries(folded, i, end, n)) {
        continue;
      }
      if (Character.isDigit(n.charAt(n.length() - 1)) && end < folded.length()
          && Character.isDigit(folded.charAt(end))) {
        continue;
      }
      if (e.caseSensitive() && !original.startsWith(e.written(), i)) {
        continue;
      }
      return e;
    }
    return null;
  }
}
