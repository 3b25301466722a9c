package io.parley.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Team hours from config/teams.yaml and holidays.yaml, in Shanghai time (UTC+8). */
class BusinessHoursTest {

  private static final Teams TEAMS = Teams.load(Path.of("config/teams.yaml"), Path.of("config/holidays.yaml"));
  private final BusinessHours hours = new BusinessHours(TEAMS, false);


  private static Instant at(String isoWithOffset) {
    return java.time.OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  @Test
  void theTradingDeskFollowsExchangeSessions() {
    assertTrue(hours.isOpen("trading_desk", at("2026-12-01T09:15:00+08:00")));
    assertTrue(hours.isOpen("trading_desk", at("2026-12-01T11:29:59+08:00")));
    assertFalse(hours.isOpen("trading_desk", at("2026-12-01T11:30:00+08:00")));
    assertEquals(Optional.of(at("2026-12-01T13:00:00+08:00")), hours.opensAt("trading_desk", at("2026-12-01T12:00:00+08:00")));
    assertEquals(Optional.of(at("2026-12-02T09:15:00+08:00")), hours.opensAt("trading_desk", at("2026-12-01T15:00:00+08:00")));
    assertEquals(Optional.empty(), hours.opensAt("trading_desk", at("2026-12-01T14:00:00+08:00")));
  }

  @Test
  void weekendsAndExchangeHolidaysAreSkipped() {
    // Friday after the close -> Monday
    assertEquals(Optional.of(at("2026-12-07T09:15:00+08:00")), hours.opensAt("trading_desk", at("2026-12-04T16:00:00+08:00")));
    // National Day week: closed 1-7 October 2026, opens Thursday 8 October
    assertFalse(hours.isOpen("trading_desk", at("2026-10-05T10:00:00+08:00")));
    assertEquals(Optional.of(at("2026-10-08T09:15:00+08:00")), hours.opensAt("trading_desk", at("2026-09-30T15:30:00+08:00")));
    // the complaints team does not follow exchange holidays
    assertTrue(hours.isOpen("complaints", at("2026-10-05T10:00:00+08:00")));
    // general service works every day
    assertTrue(hours.isOpen("general", at("2026-12-06T20:59:00+08:00")));
    assertEquals(Optional.of(at("2026-12-07T08:30:00+08:00")), hours.opensAt("general", at("2026-12-06T21:00:00+08:00")));
  }

  @Test
  void alwaysMeansEveryTeamIsOpen() {
    BusinessHours always = new BusinessHours(TEAMS, true);
    for (Team t : TEAMS.all()) {
      assertTrue(always.isOpen(t.id(), at("2026-10-01T03:00:00+08:00")));
      assertEquals(Optional.empty(), always.opensAt(t.id(), at("2026-10-01T03:00:00+08:00")));
    }
  }

  @Test
  void routingAndPrioritiesComeFromConfig() {
    assertEquals("trading_desk", TEAMS.teamOf("trade_problem"));
    assertEquals("general", TEAMS.teamOf("agent_request"));
    assertEquals("general", TEAMS.teamOf((String) null));
    assertTrue(TEAMS.priorityOf("trade_problem") > TEAMS.priorityOf("trade_instruction"));
    assertTrue(TEAMS.priorityOf("trade_instruction") > TEAMS.priorityOf("complaint"));
    assertTrue(TEAMS.priorityOf("complaint") > TEAMS.priorityOf("agent_request"));
    assertEquals("trading_desk", TEAMS.teamOf(io.parley.store.CaseKind.TRADE_INSTRUCTION));
    assertEquals("account_services", TEAMS.teamOf(io.parley.store.CaseKind.APPLICATION));
    assertEquals(java.time.Duration.ofSeconds(60), TEAMS.team("trading_desk").pickupTarget());
  }
}
