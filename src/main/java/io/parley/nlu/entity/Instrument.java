package io.parley.nlu.entity;

import java.util.List;

/**
 * One row of the instrument list.
 *
 * @param code     as the exchange writes it: 600519, 00700, AAPL
 * @param market   where it is listed
 * @param nameHans the name in Simplified Chinese
 * @param nameHant the name in Traditional Chinese
 * @param nameEn   the name in English
 * @param aliases  common short names in any language (茅台, 鹅厂, CATL)
 * @param boardLot shares per lot (手); 0 when unknown or when the market has no lots
 * @param verify   a note for staff about data still to be checked, or empty
 */
public record Instrument(String code, Market market, String nameHans, String nameHant, String nameEn,
                         List<String> aliases, int boardLot, String verify) {

  public Instrument {
    aliases = List.copyOf(aliases);
  }

  /** Every name a customer may use for it, as written in the list. */
  public List<String> allNames() {
    List<String> names = new java.util.ArrayList<>();
    for (String n : new String[] {nameHans, nameHant, nameEn}) {
      if (!n.isBlank()) {
        names.add(n);
      }
    }
    names.addAll(aliases);
    return names;
  }
}
