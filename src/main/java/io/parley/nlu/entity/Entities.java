package io.parley.nlu.entity;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * What one message says, in the terms of the {@code classify} contract (contracts.md §2). Every field
 * is null when the message does not say it.
 *
 * @param side           "buy" or "sell"
 * @param instrument     the code as the exchange writes it: 600519, 00700, AAPL
 * @param quantityShares shares; null for "all / 清仓 / 沽晒" and for lots whose board lot is unknown
 * @param quantityLots   the number of lots when the customer gave lots (手, lots)
 * @param price          the limit price
 * @param priceType      "limit" or "market"
 * @param phone          national digits: 13812345678, 91234567
 * @param idNumber       an 18-character mainland ID number whose check character is valid
 * @param email          in lower case
 * @param caseId         C-004217
 * @param wholePosition  the customer means the whole position (not part of the contract's JSON)
 */
public record Entities(String side, String instrument, Long quantityShares, Long quantityLots, BigDecimal price,
                       String priceType, String phone, String idNumber, String email, String caseId,
                       boolean wholePosition) {

  /** The contract's {@code entities} object; keys with nothing found are left out. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    putIfPresent(o, "side", side);
    putIfPresent(o, "instrument", instrument);
    putIfPresent(o, "quantity_shares", quantityShares);
    putIfPresent(o, "quantity_lots", quantityLots);
    if (price != null) {
      o.put("price", jsonNumber(price));
    }
    putIfPresent(o, "price_type", priceType);
    putIfPresent(o, "phone", phone);
    putIfPresent(o, "id_number", idNumber);
    putIfPresent(o, "email", email);
    putIfPresent(o, "case_id", caseId);
    return o;
  }

  /** 1800 as an integer, 78.5 as a decimal: both JSON numbers, never strings. */
  static Number jsonNumber(BigDecimal price) {
    BigDecimal p = price.stripTrailingZeros();
    if (p.scale() <= 0) {
      return p.longValueExact();
    }
    return p.doubleValue();
  }

  private static void putIfPresent(JsonObject o, String key, Object value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
