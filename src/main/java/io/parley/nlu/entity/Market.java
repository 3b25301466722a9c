package io.parley.nlu.entity;

/** Where an instrument is listed. */
public enum Market {
  /** Shanghai Stock Exchange (main board and STAR). */
  SH,
  /** Shenzhen Stock Exchange (main board and ChiNext). */
  SZ,
  /** Beijing Stock Exchange. */
  BJ,
  /** Hong Kong Exchanges and Clearing. */
  HK,
  /** A US exchange (NYSE, Nasdaq). */
  US;

  public boolean isMainland() {
    return this == SH || this == SZ || this == BJ;
  }

  /** Whether a code is written the way this market writes it. */
  public boolean isWellFormedCode(String code) {
    switch (this) {
      case SH: case SZ: case BJ:
        return code.length() == 6 && code.chars().allMatch(Character::isDigit);
      case HK:
        return code.length() == 5 && code.chars().allMatch(Character::isDigit);
      default:
        return !code.isEmpty() && code.length() <= 6 && code.matches("[A-Z]+(\\.[A-Z])?");
    }
  }

  /** The mainland market of a six-digit code by its leading digits, or null when none fits. */
  static Market ofMainlandCode(String code) {
    if (code.length() != 6) {
      return null;
    }
    String p3 = code.substring(0, 3);
    switch (p3) {
      case "600": case "601": case "603": case "605": case "688": case "689": case "900":
        return SH;
      case "000": case "001": case "002": case "003": case "300": case "301": case "200":
        return SZ;
      case "920":
        return BJ;
      default:
        break;
    }
    String p2 = code.substring(0, 2);
    switch (p2) {
      case "51": case "56": case "58":
        return SH; // exchange-traded funds
      case "15": case "16":
        return SZ; // exchange-traded and listed funds
      case "43": case "83": case "87":
        return BJ;
      default:
        return null;
    }
  }

  /** The market a code as the extractor writes it belongs to (600519, 00700, AAPL), or null. */
  public static Market fromCode(String code) {
    if (code == null || code.isEmpty()) {
      return null;
    }
    if (code.chars().allMatch(Character::isDigit)) {
      return code.length() == 5 ? HK : ofMainlandCode(code);
    }
    return US.isWellFormedCode(code) ? US : null;
  }
}
