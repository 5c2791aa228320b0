import { describe, expect, it } from "vitest";
import { erlangAMetrics, erlangARequiredAgents } from "./erlang-a";
import { erlangCMetrics, erlangCRequiredAgents } from "./erlang-c";
import type { IntervalForecast } from "./forecast";
import { planIntervals, reforecastRestOfDay, staffingCalculator } from "./plan";

const row = (date: string, interval: number, offered: number, ahtSeconds: number | null = 180): IntervalForecast => ({
  date,
  interval,
  start: new Date(Date.parse(`${date}T00:00:00Z`) + interval * 1_800_000),
  localTime: `${String(Math.floor(interval / 2)).padStart(2, "0")}:${interval % 2 ? "30" : "00"}`,
  offered,
  ahtSeconds,
});

describe("the Erlang calculator (GET /api/v1/workforce/erlang)", () => {
  it("answers the Call Centre Helper example with Erlang C, one decimal", () => {
    const r = staffingCalculator({
      callsPerInterval: 100,
      ahtSeconds: 180,
      targetSeconds: 20,
      targetPct: 80,
      shrinkagePct: 30,
      maxOccupancyPct: 85,
    });
    expect(r).toEqual({
      agents: 14,
      scheduled: 20,
      serviceLevelPct: 88.8,
      asaSeconds: 7.8,
      occupancyPct: 71.4,
      waitProbabilityPct: 17.4,
      model: "erlang-c",
    });
  });

  it("uses Erlang A when the patience is given, and reports abandonment", () => {
    const r = staffingCalculator({
      callsPerInterval: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetSeconds: 20,
      targetPct: 80,
      patienceSeconds: 300,
    });
    const exact = erlangARequiredAgents({ traffic: 10, ahtSeconds: 180, patienceSeconds: 300, targetSeconds: 20, targetPct: 80 });
    expect(r.model).toBe("erlang-a");
    expect(r.agents).toBe(exact.agents);
    expect(r.abandonPct).toBe(Math.round(exact.abandonProbability * 1000) / 10);
    // A 15-minute interval with the same calls is twice the traffic.
    expect(
      staffingCalculator({ callsPerInterval: 100, intervalMinutes: 15, ahtSeconds: 180, targetSeconds: 20, targetPct: 80 }).agents,
    ).toBe(erlangCRequiredAgents({ traffic: 20, ahtSeconds: 180, targetSeconds: 20, targetPct: 80 }).agents);
  });
});

describe("staffing per half hour and the gap against a roster", () => {
  const forecast = [row("2026-04-13", 18, 100), row("2026-04-13", 19, 60), row("2026-04-13", 20, 0, null), row("2026-04-14", 18, 140)];
  const targets = { targetPct: 80, targetSeconds: 20, shrinkagePct: 30 };

  it("required agents and scheduled staff per half hour (Erlang C without patience)", () => {
    const plan = planIntervals(forecast, targets);
    expect(plan.model).toBe("erlang-c");
    expect(plan.intervals.map((i) => i.agents)).toEqual([14, 9, 0, 18]);
    expect(plan.intervals[0].agents).toBe(erlangCRequiredAgents({ traffic: 10, ahtSeconds: 180, targetSeconds: 20, targetPct: 80 }).agents);
    expect(plan.intervals.map((i) => i.scheduled)).toEqual([20, 13, 0, 26]);
    expect(plan.intervals[0].gap).toBeNull();
    expect(plan.days.map((d) => [d.date, d.offered, d.requiredStaffHours])).toEqual([
      ["2026-04-13", 160, 16.5],
      ["2026-04-14", 140, 13],
    ]);
  });

  it("with a roster: gap, expected service level and lost calls (Erlang A), per half hour and per day", () => {
    const roster = [
      { date: "2026-04-13", interval: 18, scheduled: 17 }, // 3 short; 17 × 0.7 = 11.9 → 11 on the phones
      { date: "2026-04-13", interval: 19, scheduled: 15 }, // 2 over
      { date: "2026-04-14", interval: 18, scheduled: 26 },
    ];
    const plan = planIntervals(forecast, { ...targets, patienceSeconds: 240 }, roster);
    const [a, b, c, d] = plan.intervals;
    expect(plan.model).toBe("erlang-a");
    expect([a.gap, b.gap, c.gap, d.gap]).toEqual([17 - a.scheduled, 15 - b.scheduled, 0, 26 - d.scheduled]);
    expect(a.gap).toBeLessThan(0);
    expect(b.gap).toBeGreaterThan(0);
    expect(a.rosteredAgents).toBe(11);
    const m = erlangAMetrics({ agents: 11, traffic: 10, ahtSeconds: 180, patienceSeconds: 240, targetSeconds: 20 });
    expect(a.expectedServiceLevel).toBeCloseTo(m.serviceLevel, 12);
    expect(a.expectedLostCalls).toBeCloseTo(100 * m.abandonProbability, 12);
    expect(c.expectedServiceLevel).toBe(1);
    expect(c.expectedLostCalls).toBe(0);
    const day = plan.days[0];
    expect(day.understaffedIntervals).toBe(1);
    expect(day.overstaffedIntervals).toBe(1);
    expect(day.rosteredStaffHours).toBe(16);
    expect(day.expectedServiceLevel).toBeCloseTo((100 * (a.expectedServiceLevel ?? NaN) + 60 * (b.expectedServiceLevel ?? NaN)) / 160, 12);
    expect(day.expectedLostCalls).toBeCloseTo((a.expectedLostCalls ?? NaN) + (b.expectedLostCalls ?? NaN), 12);
  });

  it("with Erlang C the roster's service level is Erlang C's, and lost calls are not counted", () => {
    const plan = planIntervals(forecast, targets, [{ date: "2026-04-13", interval: 18, scheduled: 20 }]);
    expect(plan.intervals[0].expectedServiceLevel).toBeCloseTo(erlangCMetrics(14, 10, 180, 20).serviceLevel, 12);
    expect(plan.intervals[0].expectedLostCalls).toBeNull();
    expect(plan.intervals[1].rostered).toBe(0); // not on the roster: nobody
    expect(plan.intervals[1].expectedServiceLevel).toBe(0);
    expect(plan.days[0].expectedLostCalls).toBeNull();
  });

  it("needs an AHT for a half hour with calls", () => {
    expect(() => planIntervals([row("2026-04-13", 18, 5, null)], targets)).toThrow(RangeError);
    expect(planIntervals([row("2026-04-13", 18, 5, null)], { ...targets, defaultAhtSeconds: 180 }).intervals[0].agents).toBeGreaterThan(0);
  });
});

describe("the intraday re-forecast", () => {
  const day = Array.from({ length: 16 }, (_, i) => row("2026-04-13", 18 + i, 100));

  it("scales the rest of the day by the morning's deviation, damped by how much was seen", () => {
    const actuals = [0, 1, 2, 3].map((i) => ({ interval: 18 + i, offered: 120 })); // +20 % on 400 expected
    const r = reforecastRestOfDay(day, actuals, 0.1);
    const w = 400 / (400 + 100);
    expect(r.weight).toBeCloseTo(w, 12);
    expect(r.factor).toBeCloseTo(1 + w * 0.2, 12);
    expect(r.rest).toHaveLength(12);
    expect(r.rest[0].interval).toBe(22);
    expect(r.rest[0].offered).toBeCloseTo(100 * (1 + w * 0.2), 9);
    // One half hour seen: believed less.
    expect(reforecastRestOfDay(day, actuals.slice(0, 1), 0.1).weight).toBeCloseTo(100 / 200, 12);
  });

  it("changes nothing without actuals, and clamps an outage morning", () => {
    expect(reforecastRestOfDay(day, []).factor).toBe(1);
    const outage = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ interval: 18 + i, offered: 0 }));
    expect(reforecastRestOfDay(day, outage, 0.1).factor).toBe(0.5);
  });
});
