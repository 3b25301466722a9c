/**
 * Entity extraction for customer messages in Simplified Chinese, Traditional Chinese with Cantonese,
 * and English: side, instrument, quantity, price, phone, ID number, e-mail and case number, in the
 * shape of the {@code classify} contract (contracts.md §2).
 *
 * <p>Use: load once at start-up, then call from any thread.
 * <pre>{@code
 * EntityExtractor entities = EntityExtractor.load(Path.of("config/instruments.csv")); // blocking
 * JsonObject json = entities.extract("幫我買返兩手騰訊 350蚊").toJson();
 * // {"side":"buy","instrument":"00700","quantity_shares":200,"quantity_lots":2,"price":350,"price_type":"limit"}
 * }</pre>
 *
 * <p>How it works: the message is folded character for character ({@link io.parley.nlu.entity.TextFold}:
 * full width, case, Traditional to Simplified), instrument names are found in the folded text by
 * dictionary (longest first) and taken out of play, the rest is cut into tokens (numbers, Chinese
 * numerals, words, symbols), and small extractors run in a fixed order, each giving roles to the
 * tokens it recognises: case numbers, ID numbers, phone numbers, incidental numbers (years, times,
 * dates, percentages, account numbers), codes, side, quantities with a unit, prices with a price or
 * currency word, and last the numbers left unmarked. No regular expressions run on messages; every
 * step is linear in the message length.
 */
package io.parley.nlu.entity;
