/**
 * Erlang C (M/M/N): Poisson arrivals, exponential handling times, N agents, callers wait as long as it takes.
 * Pure; times in seconds; probabilities as fractions in [0, 1]; targets and shrinkage in percent, as the
 * supervisors and the API speak them.
 *
 * Definitions (issue 15, item 1):
 * - traffic A = λ · AHT (λ in calls per second) in Erlangs;
 * - P(wait) = C(N, A), the Erlang C formula, for N > A (1 when N ≤ A: the queue grows without bound);
 * - service level SL(N) = 1 − C(N, A) · exp(−(N − A) · T / AHT), the share answered within T seconds;
 * - ASA = C(N, A) · AHT / (N − A), the mean wait (every caller is eventually answered in this model);
 * - occupancy A / N;
 * - required agents: the smallest N > A with SL ≥ target and, when given, A / N ≤ the maximum occupancy.
 */

/** Offered traffic in Erlangs: calls per interval × AHT ÷ interval length. */
export function trafficErlangs(callsPerInterval: number, intervalSeconds: number, ahtSeconds: number): number {
  assertFinite("callsPerInterval", callsPerInterval, 0);
  assertFinite("intervalSeconds", intervalSeconds, Number.MIN_VALUE);
  assertFinite("ahtSeconds", ahtSeconds, Number.MIN_VALUE);
  return (callsPerInterval / intervalSeconds) * ahtSeconds;
}

/**
 * Erlang B, the blocking probability of N servers offered A Erlangs, by the recursion
 * B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)). Every step stays in [0, 1]: no factorial, no power, no overflow,
 * for any N (the cost is N steps).
 */
export function erlangB(agents: number, traffic: number): number {
  assertAgents(agents);
  assertFinite("traffic", traffic, 0);
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/**
 * Erlang C, the probability that a caller has to wait: C = N·B / (N − A·(1 − B)) with B = B(N, A), which
 * follows from the definition C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)) by dividing
 * numerator and denominator by Σ_{k≤N} A^k/k!. 1 when N ≤ A (unstable: everybody waits).
 */
export function erlangC(agents: number, traffic: number): number {
  assertAgents(agents);
  assertFinite("traffic", traffic, 0);
  if (traffic === 0) return 0;
  if (agents <= traffic) return 1;
  return cFromB(agents, traffic, erlangB(agents, traffic));
}

function cFromB(n: number, a: number, b: number): number {
  return (n * b) / (n - a * (1 - b));
}

/** Erlang C's figures for N agents. */
export type ErlangCMetrics = {
  agents: number;
  /** Offered traffic A in Erlangs. */
  traffic: number;
  /** P(wait) = C(N, A). */
  waitProbability: number;
  /** Share answered within the target time (0 when N ≤ A). */
  serviceLevel: number;
  /** Mean wait of all callers (= of answered callers: nobody abandons here); null when N ≤ A (unbounded). */
  asaSeconds: number | null;
  /** A / N (capped at 1: agents cannot be busier than always). */
  occupancy: number;
};

/** Service level, ASA, P(wait) and occupancy of N agents (Erlang C). */
export function erlangCMetrics(agents: number, traffic: number, ahtSeconds: number, targetSeconds: number): ErlangCMetrics {
  assertAgents(agents);
  assertFinite("ahtSeconds", ahtSeconds, Number.MIN_VALUE);
  assertFinite("targetSeconds", targetSeconds, 0);
  const c = erlangC(agents, traffic);
  return metricsFromC(agents, traffic, c, ahtSeconds, targetSeconds);
}

function metricsFromC(n: number, a: number, c: number, aht: number, t: number): ErlangCMetrics {
  if (a === 0) return { agents: n, traffic: 0, waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
  if (n <= a) return { agents: n, traffic: a, waitProbability: 1, serviceLevel: 0, asaSeconds: null, occupancy: 1 };
  return {
    agents: n,
    traffic: a,
    waitProbability: c,
    serviceLevel: Math.max(0, 1 - c * Math.exp((-(n - a) * t) / aht)),
    asaSeconds: (c * aht) / (n - a),
    occupancy: a / n,
  };
}

/** SL(N) of Erlang C as a fraction. */
export function erlangCServiceLevel(agents: number, traffic: number, ahtSeconds: number, targetSeconds: number): number {
  return erlangCMetrics(agents, traffic, ahtSeconds, targetSeconds).serviceLevel;
}

/** What the required agents must achieve. */
export type StaffingTarget = {
  /** Offered traffic A in Erlangs (see trafficErlangs). */
  traffic: number;
  ahtSeconds: number;
  /** T: "answered within T seconds". */
  targetSeconds: number;
  /** The service level to reach, in percent (0 ≤ target < 100; 100 % is unreachable in a queueing model). */
  targetPct: number;
  /** Optional ceiling on A / N, in percent (0 < max ≤ 100). */
  maxOccupancyPct?: number;
};

/** Safety bound of every agent search: far above any contact centre (and the bench's N = 1,000). */
export const MAX_AGENTS = 100_000;

/**
 * Erlang C's required agents: the smallest N > A with SL(N) ≥ target and, when given, A/N ≤ max occupancy
 * (compared as A·100 ≤ max·N, so that exactly 85 % passes a cap of 85 %). 0 when there is no traffic.
 * One Erlang B step per candidate N (the recursion runs on from B(N−1)), so the search costs O(N) in all.
 */
export function erlangCRequiredAgents(target: StaffingTarget): ErlangCMetrics {
  const { traffic: a, ahtSeconds, targetSeconds, targetPct, maxOccupancyPct } = target;
  assertFinite("traffic", a, 0);
  assertFinite("ahtSeconds", ahtSeconds, Number.MIN_VALUE);
  assertFinite("targetSeconds", targetSeconds, 0);
  assertPct("targetPct", targetPct, { min: 0, max: 100, maxInclusive: false });
  if (maxOccupancyPct !== undefined) assertPct("maxOccupancyPct", maxOccupancyPct, { min: 0, minInclusive: false, max: 100 });
  if (a === 0) return metricsFromC(0, 0, 0, ahtSeconds, targetSeconds);
  let b = 1;
  for (let n = 1; n <= MAX_AGENTS; n++) {
    b = (a * b) / (n + a * b);
    if (n <= a) continue;
    const m = metricsFromC(n, a, cFromB(n, a, b), ahtSeconds, targetSeconds);
    if (m.serviceLevel * 100 >= targetPct && (maxOccupancyPct === undefined || a * 100 <= maxOccupancyPct * n)) return m;
  }
  throw new RangeError(`no staffing up to ${MAX_AGENTS} agents reaches the target`);
}

/**
 * Scheduled staff = ceil(agents / (1 − shrinkage)), in exact integer arithmetic: the percentage is read as a
 * decimal with up to 6 places (30 → 30/100, 33.5 → 335/1000) and the division is done on BigInts, so 21
 * agents at 30 % shrinkage are exactly 30 (floating point gives 21 / 0.7 = 30.000000000000004 → 31).
 */
export function scheduledStaff(agents: number, shrinkagePct: number): number {
  assertAgents(agents);
  assertPct("shrinkagePct", shrinkagePct, { min: 0, max: 100, maxInclusive: false });
  const { num, den } = pctToRational(shrinkagePct); // shrinkage = num / den (den = 100 · 10^k)
  const available = den - num; // (1 − shrinkage) · den
  const q = BigInt(agents) * den;
  return Number((q + available - 1n) / available);
}

/** A percentage as the exact fraction num/den of 1, read from its shortest decimal form (≤ 6 places). */
export function pctToRational(pct: number): { num: bigint; den: bigint } {
  const s = String(pct);
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(s);
  if (!m) throw new RangeError(`percentage ${s}: use a plain decimal with at most 6 places`);
  const frac = m[2] ?? "";
  return { num: BigInt(m[1] + frac), den: 100n * 10n ** BigInt(frac.length) };
}

export function assertAgents(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_AGENTS) throw new RangeError(`agents must be an integer in 0…${MAX_AGENTS}, got ${n}`);
}

export function assertFinite(name: string, x: number, min: number): void {
  if (!Number.isFinite(x) || x < min) throw new RangeError(`${name} must be a finite number ≥ ${min}, got ${x}`);
}

export function assertPct(name: string, x: number, o: { min: number; max: number; minInclusive?: boolean; maxInclusive?: boolean }): void {
  const okMin = o.minInclusive === false ? x > o.min : x >= o.min;
  const okMax = o.maxInclusive === false ? x < o.max : x <= o.max;
  if (!Number.isFinite(x) || !okMin || !okMax) throw new RangeError(`${name} out of range: ${x}`);
}
