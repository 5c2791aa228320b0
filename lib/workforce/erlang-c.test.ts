import { describe, expect, it } from "vitest";
import {
  erlangB,
  erlangC,
  erlangCMetrics,
  erlangCRequiredAgents,
  erlangCServiceLevel,
  pctToRational,
  scheduledStaff,
  trafficErlangs,
} from "./erlang-c";
import { simulateQueue } from "./simulate";

/**
 * Erlang C straight from its definition, in exact rational arithmetic (BigInt), for A = p/q:
 * C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)). Multiplying through by N!·q^N·(Nq − p):
 * C = p^N·N·q / ((Nq − p)·Σ_{k<N} p^k q^(N−k) N!/k! + p^N·N·q). Independent of the recursion under test.
 */
function erlangCByDefinition(n: number, p: bigint, q: bigint): number {
  const N = BigInt(n);
  let sum = 0n;
  let fallingFactorial = 1n; // N!/k!, built from k = N downwards
  const terms: bigint[] = [];
  for (let k = n; k >= 0; k--) {
    terms[k] = fallingFactorial;
    fallingFactorial *= BigInt(k === 0 ? 1 : k);
  }
  for (let k = 0; k < n; k++) sum += p ** BigInt(k) * q ** BigInt(n - k) * terms[k];
  const num = p ** N * N * q;
  const den = (N * q - p) * sum + num;
  const SCALE = 10n ** 30n;
  return Number((num * SCALE) / den) / 1e30;
}

describe("Erlang C: published worked example", () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
  // (callcentrehelper.com/erlang-c-formula-example-121281.htm): 100 calls in 30 minutes, AHT 180 s,
  // 80 % answered within 20 s, maximum occupancy 85 %, shrinkage 30 %; it states the traffic intensity
  // A = 10 Erlangs and starts its search at N = A + 1 = 11 agents.
  // The README of pyworkforce (github.com/rodrigo-arenas/pyworkforce), which takes this example from that
  // page, prints for it: raw_positions 14, positions 20, service_level 0.8884, occupancy 0.7143,
  // waiting_probability 0.1741.
  it("reproduces the Call Centre Helper example: A = 10, 14 agents, 20 scheduled, SL 88.84 %", () => {
    const a = trafficErlangs(100, 30 * 60, 180);
    expect(a).toBe(10);
    const m = erlangCRequiredAgents({ traffic: a, ahtSeconds: 180, targetSeconds: 20, targetPct: 80, maxOccupancyPct: 85 });
    expect(m.agents).toBe(14);
    expect(scheduledStaff(m.agents, 30)).toBe(20);
    expect(m.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(m.occupancy).toBeCloseTo(0.7143, 4);
    expect(m.waitProbability).toBeCloseTo(0.1741, 4);
    // The page's first step, N = 11: verified here against the definition, not against the page.
    expect(erlangC(11, 10)).toBeCloseTo(erlangCByDefinition(11, 10n, 1n), 14);
  });

  // The step-by-step tutorial "The Erlang-C Formula", reproduced on many call-centre sites (its original
  // author is not verified here), works through 360 calls per half hour, an average call of 4 minutes,
  // 55 agents and a target answer time of 15 s. We check the traffic those inputs give (48 Erlangs) and our
  // figures against the definition computed here in exact arithmetic; the tutorial's printed results are
  // not asserted.
  it("computes the tutorial example (A = 48, N = 55) as the exact definition does", () => {
    const a = trafficErlangs(360, 30 * 60, 240);
    expect(a).toBe(48);
    const m = erlangCMetrics(55, a, 240, 15);
    const c = erlangCByDefinition(55, 48n, 1n);
    expect(m.waitProbability).toBeCloseTo(c, 13);
    expect(m.serviceLevel).toBeCloseTo(1 - c * Math.exp((-(55 - 48) * 15) / 240), 13);
    expect(m.asaSeconds).toBeCloseTo((c * 240) / 7, 10);
    expect(m.occupancy).toBeCloseTo(48 / 55, 15);
  });
});

describe("Erlang C against its definitions", () => {
  it("C(N, A) equals the factorial formula, in exact arithmetic, for small N and several A", () => {
    const loads: [bigint, bigint][] = [
      [1n, 2n], // 0.5
      [3n, 1n],
      [10n, 1n],
      [25n, 2n], // 12.5
      [48n, 1n],
    ];
    for (const [p, q] of loads) {
      const a = Number(p) / Number(q);
      for (let n = Math.floor(a) + 1; n <= Math.floor(a) + 40; n++) {
        expect(erlangC(n, a)).toBeCloseTo(erlangCByDefinition(n, p, q), 13);
      }
    }
  });

  it("does not overflow at N = 1,000 (and beyond), and still equals the exact definition there", () => {
    const c = erlangC(1000, 950);
    expect(Number.isFinite(c) && c > 0 && c < 1).toBe(true);
    // 950^1000 and 1000! have ~3,000 digits: fine for BigInt, fatal for a float factorial.
    expect(c).toBeCloseTo(erlangCByDefinition(1000, 950n, 1n), 12);
    expect(Number.isFinite(erlangB(20_000, 19_500))).toBe(true);
    const m = erlangCRequiredAgents({ traffic: 950, ahtSeconds: 300, targetSeconds: 20, targetPct: 80 });
    expect(m.agents).toBeGreaterThan(950);
    expect(m.agents).toBeLessThan(1000);
  });

  it("SL, ASA and occupancy follow their formulas", () => {
    const m = erlangCMetrics(12, 10, 180, 20);
    const c = erlangC(12, 10);
    expect(m.serviceLevel).toBeCloseTo(1 - c * Math.exp((-2 * 20) / 180), 15);
    expect(m.asaSeconds).toBeCloseTo((c * 180) / 2, 12);
    expect(m.occupancy).toBeCloseTo(10 / 12, 15);
  });

  it("SL rises with N (strictly, from N > A on, until it is 1 to double precision)", () => {
    for (const [a, aht, t] of [
      [2.5, 120, 10],
      [10, 180, 20],
      [48, 240, 15],
      [300, 300, 30],
    ]) {
      let prev = -1;
      for (let n = Math.floor(a) + 1; n < a + 60; n++) {
        const sl = erlangCServiceLevel(n, a, aht, t);
        if (prev < 1 - 1e-12) expect(sl).toBeGreaterThan(prev);
        else expect(sl).toBeGreaterThanOrEqual(prev);
        prev = sl;
      }
    }
  });

  it("returns the smallest N that meets the target (and the occupancy ceiling)", () => {
    for (const a of [0.3, 1, 4.4, 10, 37.5, 120, 800]) {
      for (const targetPct of [50, 80, 95]) {
        for (const maxOccupancyPct of [undefined, 85]) {
          const target = { traffic: a, ahtSeconds: 240, targetSeconds: 20, targetPct, maxOccupancyPct };
          const { agents: n, serviceLevel } = erlangCRequiredAgents(target);
          const meets = (k: number) =>
            k > a &&
            erlangCServiceLevel(k, a, 240, 20) * 100 >= targetPct &&
            (maxOccupancyPct === undefined || a * 100 <= maxOccupancyPct * k);
          expect(meets(n)).toBe(true);
          expect(serviceLevel * 100).toBeGreaterThanOrEqual(targetPct);
          for (let k = 1; k < n; k++) expect(meets(k)).toBe(false);
        }
      }
    }
  });

  it("the occupancy ceiling can be what decides, and exactly 85 % passes a ceiling of 85 %", () => {
    const free = erlangCRequiredAgents({ traffic: 10, ahtSeconds: 180, targetSeconds: 20, targetPct: 50 });
    const capped = erlangCRequiredAgents({ traffic: 10, ahtSeconds: 180, targetSeconds: 20, targetPct: 50, maxOccupancyPct: 80 });
    expect(free.agents).toBe(12);
    expect(capped.agents).toBe(13); // 10/12 = 83 % > 80 %
    // A = 17: 17/20 = 85 % exactly (0.85 is not exact in binary; A·100 ≤ max·N is).
    expect(erlangCRequiredAgents({ traffic: 17, ahtSeconds: 180, targetSeconds: 20, targetPct: 0, maxOccupancyPct: 85 }).agents).toBe(20);
  });

  it("no traffic needs no agents; N ≤ A is unstable (everybody waits, SL 0, no finite ASA)", () => {
    expect(erlangCRequiredAgents({ traffic: 0, ahtSeconds: 180, targetSeconds: 20, targetPct: 80 }).agents).toBe(0);
    expect(erlangC(10, 10)).toBe(1);
    const m = erlangCMetrics(9, 10, 180, 20);
    expect(m.serviceLevel).toBe(0);
    expect(m.asaSeconds).toBeNull();
    expect(() => erlangCRequiredAgents({ traffic: 5, ahtSeconds: 180, targetSeconds: 20, targetPct: 100 })).toThrow(RangeError);
    expect(() => erlangC(2.5, 1)).toThrow(RangeError);
  });

  it("matches a simulation of the M/M/N queue with callers who never hang up", () => {
    for (const [a, aht, n, t] of [
      [10, 180, 12, 20],
      [40, 240, 44, 15],
    ]) {
      const sim = simulateQueue({
        agents: n,
        arrivalRate: a / aht,
        ahtSeconds: aht,
        patienceSeconds: Infinity,
        targetSeconds: t,
        calls: 400_000,
        seed: 11,
      });
      const m = erlangCMetrics(n, a, aht, t);
      expect(Math.abs(sim.serviceLevel - m.serviceLevel)).toBeLessThan(0.02);
      expect(Math.abs(sim.waitProbability - m.waitProbability)).toBeLessThan(0.02);
      expect(sim.abandoned).toBe(0);
    }
  });
});

describe("scheduled staff", () => {
  it("is ceil(agents / (1 − shrinkage)) in exact arithmetic: 21 agents at 30 % are 30, not 31", () => {
    expect(Math.ceil(21 / (1 - 0.3))).toBe(31); // the floating-point trap this avoids
    expect(scheduledStaff(21, 30)).toBe(30);
    expect(scheduledStaff(14, 30)).toBe(20);
    expect(scheduledStaff(7, 12.5)).toBe(8); // 7 / 0.875 = 8 exactly
    expect(scheduledStaff(22, 30)).toBe(32); // 31.43 → 32
    expect(scheduledStaff(10, 0)).toBe(10);
    expect(scheduledStaff(0, 35)).toBe(0);
    expect(scheduledStaff(1, 99.5)).toBe(200);
    expect(pctToRational(33.25)).toEqual({ num: 3325n, den: 10000n });
  });

  it("rejects a shrinkage of 100 % or more, and negative or fractional agents", () => {
    expect(() => scheduledStaff(10, 100)).toThrow(RangeError);
    expect(() => scheduledStaff(10, -1)).toThrow(RangeError);
    expect(() => scheduledStaff(1.5, 10)).toThrow(RangeError);
  });
});
