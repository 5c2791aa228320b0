import { assertAgents, assertFinite, assertPct, MAX_AGENTS } from "./erlang-c";

/**
 * Erlang A (M/M/N+M): Poisson arrivals at rate λ, exponential handling with mean AHT (μ = 1/AHT), N agents,
 * FCFS, and every waiting caller hangs up after an exponential patience with mean θ (γ = 1/θ). Unlike
 * Erlang C it is stable at any load, and it says how many callers are lost — the KIC's "bereikbaarheid".
 * Pure; times in seconds; probabilities as fractions.
 *
 * ## Stationary distribution (exact up to a truncation below 1e-12)
 * The number k of callers in the system is a birth–death chain with birth rate λ and death rate
 * d_k = min(k, N)·μ + max(0, k − N)·γ, so π_k ∝ Π_{i=1..k} λ/d_i. We sum in log space (no overflow at
 * N = 1,000 or λ/μ in the thousands) and stop at the first K > N past the mode where the whole rest of the
 * tail is provably below 1e-12 of the mass: beyond K the ratios λ/d_i only shrink, so
 * Σ_{i>K} π_i ≤ π_K · r/(1 − r) with r = λ/d_{K+1} < 1.
 *
 * ## The wait of one caller (exact; the derivation the issue asks for)
 * By PASTA an arriving caller sees state k with probability π_k. With k < N an agent is free: wait 0.
 * With k ≥ N the caller takes queue position j = k − N + 1 (j − 1 callers ahead). At position i all N
 * agents are busy, and the caller moves up one place when an agent finishes (rate Nμ: the head of the queue
 * goes to that agent) or when one of the i − 1 callers ahead hangs up (rate (i − 1)γ); callers behind do
 * not matter (FCFS). Independently, the caller's own patience runs out at rate γ. So at position i two
 * exponential clocks compete: "move up" at r_i = Nμ + (i − 1)γ and "hang up" at γ; the time to the first
 * event is Exp(r_i + γ) = Exp(Nμ + iγ) whichever happens, and it is a move-up with probability
 * r_i/(r_i + γ), independently of when it happened. Hence, from position j:
 *
 * - P(answered | j) = Π_{i=1..j} (Nμ + (i−1)γ)/(Nμ + iγ) = Nμ/(Nμ + jγ)   (the product telescopes);
 * - given answered, the wait is S_j = Σ_{i=1..j} E_i with independent E_i ~ Exp(Nμ + iγ), so its mean is
 *   Σ_{i=1..j} 1/(Nμ + iγ), and P(answered within T | j) = Nμ/(Nμ + jγ) · P(S_j ≤ T);
 * - the mean time spent waiting, answered or not, is Σ_{i=1..j} P(reach i)/(Nμ + iγ) = j/(Nμ + jγ)
 *   (P(reach position i) = (Nμ + iγ)/(Nμ + jγ), telescoping again), which is also γ⁻¹ · P(abandon | j):
 *   the identity the patience estimator below rests on.
 *
 * The distribution of S_j: its Laplace transform is Π_{i=1..j} (β + i)/(β + i + s/γ) with β = Nμ/γ, which
 * is Γ(β+1+j)Γ(β+1+s/γ) / (Γ(β+1)Γ(β+1+j+s/γ)) = E[U^{s/γ}] for U ~ Beta(β + 1, j). So S_j has the law of
 * −ln(U)/γ, and P(S_j ≤ T) = P(U ≥ x) = 1 − I_x(β + 1, j) with x = e^{−γT} and I the regularised incomplete
 * beta function. For an integer second argument I_x(α, j) = Σ_{b=0..j−1} C(α+b−1, b) x^α (1−x)^b (the
 * recurrence I_x(a, b+1) = I_x(a, b) + x^a(1−x)^b/(b·B(a, b)), DLMF 8.17.21, from I_x(a, 1) = x^a): a sum of
 * positive terms, built up with j, each from the previous by the factor (1 − x)(α + b − 1)/b — no
 * alternating sums (the textbook hypoexponential formula cancels catastrophically for large j), no special
 * function library. With γ → 0 (infinite patience) this tends to Erlang C's exp(−(N − A)T/AHT) tail.
 *
 * Service level is the dashboards' definition (spec 05): answered within T ÷ offered, abandoned calls
 * counting against it; ASA is the mean wait of answered calls.
 */

/** Erlang A's inputs. */
export type ErlangAInput = {
  agents: number;
  /** Offered traffic A = λ · AHT in Erlangs. */
  traffic: number;
  ahtSeconds: number;
  /** Mean patience θ of a waiting caller (exponential). */
  patienceSeconds: number;
  /** T: "answered within T seconds". */
  targetSeconds: number;
};

/** Erlang A's figures for N agents. */
export type ErlangAMetrics = {
  agents: number;
  traffic: number;
  /** P(a caller has to wait) = P(all agents busy on arrival). */
  waitProbability: number;
  /** Answered within T ÷ offered. */
  serviceLevel: number;
  /** Share of callers who hang up before an agent answers. */
  abandonProbability: number;
  /** Mean wait of answered callers; null when nobody is answered (no agents). */
  asaSeconds: number | null;
  /** Mean time in the queue over all callers, answered or not (= E[queue length] / λ by Little's law). */
  meanWaitAllSeconds: number;
  /** Carried load per agent: A·(1 − P(abandon)) / N; 0 without agents. */
  occupancy: number;
  /** Mean number of callers waiting. */
  meanQueueLength: number;
};

/** Tail mass beyond which the chain is cut off. */
export const TRUNCATION = 1e-12;
/** More states than this means a patience so long that Erlang C is the model to use. */
const MAX_STATES = 5_000_000;

/** The stationary distribution π_0…π_K of the birth–death chain (K where the tail is below 1e-12). */
export function erlangAStationary(agents: number, traffic: number, ahtSeconds: number, patienceSeconds: number): Float64Array {
  assertAgents(agents);
  assertFinite("traffic", traffic, 0);
  assertFinite("ahtSeconds", ahtSeconds, Number.MIN_VALUE);
  assertFinite("patienceSeconds", patienceSeconds, Number.MIN_VALUE);
  if (traffic === 0) return Float64Array.of(1);
  const lambda = traffic / ahtSeconds;
  const mu = 1 / ahtSeconds;
  const gamma = 1 / patienceSeconds;
  const death = (k: number) => Math.min(k, agents) * mu + Math.max(0, k - agents) * gamma;
  const logLambda = Math.log(lambda);
  const logs: number[] = [0];
  let logSum = 0; // log Σ π̃ so far (π̃_0 = 1)
  for (let k = 1; ; k++) {
    if (k > MAX_STATES) throw new RangeError("patience too long for Erlang A; use Erlang C");
    const l = logs[k - 1] + logLambda - Math.log(death(k));
    logs.push(l);
    logSum = logSum >= l ? logSum + Math.log1p(Math.exp(l - logSum)) : l + Math.log1p(Math.exp(logSum - l));
    if (k > agents) {
      const r = lambda / death(k + 1);
      if (r < 1 && l + Math.log(r / (1 - r)) < logSum + Math.log(TRUNCATION)) break;
    }
  }
  const out = new Float64Array(logs.length);
  let total = 0;
  for (let k = 0; k < logs.length; k++) total += out[k] = Math.exp(logs[k] - logSum);
  for (let k = 0; k < out.length; k++) out[k] /= total;
  return out;
}

/** Service level, abandonment, ASA, P(wait) and occupancy of N agents (Erlang A, exact). */
export function erlangAMetrics(input: ErlangAInput): ErlangAMetrics {
  const { agents: n, traffic, ahtSeconds, patienceSeconds, targetSeconds } = input;
  assertFinite("targetSeconds", targetSeconds, 0);
  const pi = erlangAStationary(n, traffic, ahtSeconds, patienceSeconds);
  if (traffic === 0) {
    return {
      agents: n,
      traffic: 0,
      waitProbability: 0,
      serviceLevel: 1,
      abandonProbability: 0,
      asaSeconds: 0,
      meanWaitAllSeconds: 0,
      occupancy: 0,
      meanQueueLength: 0,
    };
  }
  const mu = 1 / ahtSeconds;
  const gamma = 1 / patienceSeconds;
  const nMu = n * mu;
  let noWait = 0;
  for (let k = 0; k < Math.min(n, pi.length); k++) noWait += pi[k];

  // Terms of I_x(α, j) = Σ_{b<j} t_b, t_b = C(α+b−1, b) x^α (1−x)^b, kept in log space (x^α underflows for
  // large N·T), α = Nμ/γ + 1, log x = −γT, so log t_0 = α·log x = −(Nμ + γ)·T.
  const alpha = nMu / gamma + 1;
  const log1mx = Math.log(-Math.expm1(-gamma * targetSeconds)); // log(1 − x); −Infinity when T = 0
  let logT = -(nMu + gamma) * targetSeconds; // log t_0
  let incBeta = 0; // I_x(α, j) for the current j
  let meanServedWait = 0; // Σ_{i≤j} 1/(Nμ + iγ)

  let waited = 0;
  let withinT = noWait;
  let answered = noWait;
  let answeredWaitSum = 0;
  let waitAllSum = 0;
  let queueLength = 0;
  for (let k = n; k < pi.length; k++) {
    const j = k - n + 1; // position in the queue on arrival
    const p = pi[k];
    // I_x(α, j) = I_x(α, j − 1) + t_{j−1}
    incBeta += Math.exp(logT);
    logT += log1mx + Math.log((alpha + j - 1) / j); // t_j from t_{j−1}
    meanServedWait += 1 / (nMu + j * gamma);
    const served = nMu / (nMu + j * gamma);
    waited += p;
    answered += p * served;
    withinT += p * served * Math.max(0, 1 - incBeta);
    answeredWaitSum += p * served * meanServedWait;
    waitAllSum += (p * j) / (nMu + j * gamma);
    queueLength += p * (k - n);
  }
  const abandon = Math.max(0, 1 - answered);
  return {
    agents: n,
    traffic,
    waitProbability: waited,
    serviceLevel: Math.min(1, withinT),
    abandonProbability: abandon,
    asaSeconds: answered > 0 ? answeredWaitSum / answered : null,
    meanWaitAllSeconds: waitAllSum,
    occupancy: n > 0 ? (traffic * (1 - abandon)) / n : 0,
    meanQueueLength: queueLength,
  };
}

/** What Erlang A's required agents must achieve. */
export type ErlangATarget = {
  traffic: number;
  ahtSeconds: number;
  patienceSeconds: number;
  targetSeconds: number;
  /** Service level to reach, in percent (0 ≤ target < 100). */
  targetPct: number;
  /** Optional ceiling on the occupancy, in percent (0 < max ≤ 100). */
  maxOccupancyPct?: number;
};

/**
 * Erlang A's required agents: the smallest N with SL(N) ≥ target (and, when given, occupancy ≤ the maximum).
 * With abandonment N may be below A. SL rises and occupancy falls with N (tested), so the smallest N is
 * found by doubling and bisection (~2·log₂ N evaluations, each O(N + queue)), and checked: N − 1 fails.
 */
export function erlangARequiredAgents(target: ErlangATarget): ErlangAMetrics {
  const { traffic, ahtSeconds, patienceSeconds, targetSeconds, targetPct, maxOccupancyPct } = target;
  assertPct("targetPct", targetPct, { min: 0, max: 100, maxInclusive: false });
  if (maxOccupancyPct !== undefined) assertPct("maxOccupancyPct", maxOccupancyPct, { min: 0, minInclusive: false, max: 100 });
  const at = (agents: number) => erlangAMetrics({ agents, traffic, ahtSeconds, patienceSeconds, targetSeconds });
  const ok = (m: ErlangAMetrics) =>
    m.serviceLevel * 100 >= targetPct && (maxOccupancyPct === undefined || m.occupancy * 100 <= maxOccupancyPct);
  const zero = at(0);
  if (traffic === 0 || ok(zero)) return zero;
  let lo = 0; // fails
  let hi = Math.max(1, Math.ceil(traffic));
  let hiM = at(hi);
  while (!ok(hiM)) {
    lo = hi;
    if (hi >= MAX_AGENTS) throw new RangeError(`no staffing up to ${MAX_AGENTS} agents reaches the target`);
    hi = Math.min(MAX_AGENTS, hi * 2);
    hiM = at(hi);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const m = at(mid);
    if (ok(m)) [hi, hiM] = [mid, m];
    else lo = mid;
  }
  return hiM;
}

/**
 * The mean patience θ from queue data, by the standard estimator θ̂ = (total time callers spent waiting) ÷
 * (number of abandonments) — the maximum-likelihood estimate for exponential patience when answered
 * callers are right-censored observations of it (each waiting caller is "at risk" of hanging up for exactly
 * as long as they wait; abandonments are the events). Count in the waits of every caller that queued,
 * answered ones included, and in the abandonments only callers who hung up themselves (not queue
 * time-outs or transfers, which are censored too). Null when nobody abandoned: no evidence of finite
 * patience, use Erlang C. Its consistency rests on the identity P(abandon | j) = γ · E[time waiting | j]
 * derived above.
 */
export function estimatePatienceSeconds(data: { abandoned: number; totalWaitSeconds: number }): number | null {
  assertFinite("abandoned", data.abandoned, 0);
  assertFinite("totalWaitSeconds", data.totalWaitSeconds, 0);
  if (data.abandoned === 0) return null;
  return data.totalWaitSeconds / data.abandoned;
}
