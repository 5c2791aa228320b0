import type { Challenge, Solution } from "altcha-lib";

/**
 * The browser side of the proof-of-work challenge (issue 11.4, server: lib/platform/bot-guard.ts). When the
 * API answers 429 `challenge_required`, apiFetch solves the challenge here — in a Web Worker, the main
 * thread only when workers are unavailable — and sends the same request again with the solution in the
 * header the challenge names. While it works, `useChallengeSolving()` is true (the forms' "even geduld…").
 */
let solving = 0;
const listeners = new Set<() => void>();
const set = (delta: number) => {
  solving += delta;
  for (const l of listeners) l();
};
export const challengeStore = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  solving: () => solving > 0,
};

function inWorker(challenge: Challenge): Promise<Solution | null> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./pow.worker.ts", import.meta.url), { type: "module" });
    } catch (e) {
      reject(e);
      return;
    }
    worker.onmessage = (e: MessageEvent<Solution | null>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(e);
    };
    worker.postMessage(challenge);
  });
}

async function onMainThread(challenge: Challenge): Promise<Solution | null> {
  const [{ solveChallenge }, { deriveKey }] = await Promise.all([import("altcha-lib"), import("altcha-lib/algorithms/web/sha")]);
  return solveChallenge({ challenge, deriveKey, timeout: 120_000 });
}

/** The header value that answers `challenge` (base64 of `{challenge, solution}`), or null when unsolved. */
export async function solveApiChallenge(challenge: Challenge): Promise<string | null> {
  set(1);
  try {
    const plain: Challenge = { parameters: challenge.parameters, signature: challenge.signature };
    const solution = await inWorker(plain).catch(() => onMainThread(plain));
    if (!solution) return null;
    return btoa(JSON.stringify({ challenge: plain, solution: { counter: solution.counter, derivedKey: solution.derivedKey } }));
  } finally {
    set(-1);
  }
}
