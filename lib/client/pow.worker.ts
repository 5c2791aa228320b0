/// <reference lib="webworker" />
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";

/**
 * Solves one proof-of-work challenge off the main thread (issue 11.4), so the page stays responsive:
 * receives the challenge, answers with the solution (or null when it gave up).
 */
self.onmessage = async (e: MessageEvent<Challenge>) => {
  try {
    const solution = await solveChallenge({ challenge: e.data, deriveKey, timeout: 120_000 });
    self.postMessage(solution);
  } catch {
    self.postMessage(null);
  }
};
