import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * A discrete-event simulation of the M/M/N+M queue, to validate Erlang A (and Erlang C, with infinite
 * patience) against: seeded PRNG (pure-rand's xoroshiro128+), Poisson arrivals, exponential handling,
 * exponential patience, FCFS, N agents. Pure and deterministic for a given seed.
 *
 * FCFS with abandonment needs no event list: callers are taken in arrival order, and caller i gets the
 * first agent to come free after every earlier caller who stayed has been given one, i.e. at
 * s_i = max(a_i, min over agents of their free time); if s_i − a_i exceeds their patience they hang up at
 * a_i + patience and take no agent. (An earlier caller who hangs up frees nothing, and no later caller can
 * overtake an earlier one who is still waiting.) The agents' free times live in a binary min-heap:
 * O(log N) per call.
 */
export type SimulationInput = {
  agents: number;
  /** Mean arrivals per second. */
  arrivalRate: number;
  ahtSeconds: number;
  /** Mean patience; Infinity for Erlang C's callers who never hang up. */
  patienceSeconds: number;
  targetSeconds: number;
  /** Simulated callers after the warm-up. */
  calls: number;
  /** Callers simulated first and not counted (the queue starts empty). */
  warmupCalls?: number;
  seed: number;
};

export type SimulationResult = {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinT: number;
  /** answeredWithinT ÷ offered. */
  serviceLevel: number;
  abandonProbability: number;
  /** Mean wait of answered callers. */
  asaSeconds: number | null;
  waitProbability: number;
  /** Time spent waiting by all callers, answered or not (an abandoning caller waits their patience). */
  totalWaitSeconds: number;
};

export function simulateQueue(input: SimulationInput): SimulationResult {
  const { agents, arrivalRate, ahtSeconds, patienceSeconds, targetSeconds, calls, seed } = input;
  const warmup = input.warmupCalls ?? Math.min(10_000, Math.floor(calls / 10));
  if (!Number.isInteger(agents) || agents < 1) throw new RangeError("agents must be a positive integer");
  if (!(arrivalRate > 0) || !(ahtSeconds > 0) || !(patienceSeconds > 0)) throw new RangeError("rates must be positive");
  const rng = xoroshiro128plus(seed);
  // Exp(mean) by inversion; 1 − U lies in (0, 1], so the logarithm is finite.
  const exp = (mean: number) => -mean * Math.log(1 - uniformFloat64(rng));

  const free = new Float64Array(agents); // a min-heap of the times the agents come free
  let t = 0;
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let withinT = 0;
  let waited = 0;
  let waitSum = 0;
  let totalWait = 0;
  for (let i = 0; i < warmup + calls; i++) {
    t += exp(1 / arrivalRate);
    const patience = Number.isFinite(patienceSeconds) ? exp(patienceSeconds) : Infinity;
    const start = Math.max(t, free[0]);
    const wait = start - t;
    const counted = i >= warmup;
    if (counted) {
      offered++;
      if (wait > 0) waited++;
    }
    if (wait > patience) {
      if (counted) {
        abandoned++;
        totalWait += patience;
      }
      // Draw the handling time anyway, so that each caller uses the same random numbers whatever happens.
      exp(ahtSeconds);
      continue;
    }
    heapReplaceTop(free, start + exp(ahtSeconds));
    if (counted) {
      answered++;
      waitSum += wait;
      totalWait += wait;
      if (wait <= targetSeconds) withinT++;
    }
  }
  return {
    offered,
    answered,
    abandoned,
    answeredWithinT: withinT,
    serviceLevel: withinT / offered,
    abandonProbability: abandoned / offered,
    asaSeconds: answered ? waitSum / answered : null,
    waitProbability: waited / offered,
    totalWaitSeconds: totalWait,
  };
}

/** Replaces the smallest element of a binary min-heap and restores the heap. */
function heapReplaceTop(h: Float64Array, value: number): void {
  const n = h.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && h[r] < h[l] ? r : l;
    if (h[c] >= value) break;
    h[i] = h[c];
    i = c;
  }
  h[i] = value;
}
