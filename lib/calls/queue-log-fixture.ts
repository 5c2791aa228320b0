/**
 * A deterministic Asterisk queue_log generator for tests and the benchmark: realistic lines (agent logins,
 * pauses, ring-no-answers mixed in), with the counts an import must find. Pure; yields lines one by one.
 */
export type QueueLogSpec = {
  /** First day, UTC midnight epoch seconds. */
  startEpoch: number;
  days: number;
  /** Calls per day per queue name. */
  perDay: Record<string, number>;
  /** Share answered (0..1). */
  answeredShare?: number;
  seed?: number;
  /** Prefix of uniqueids, so that separate test runs do not collide. */
  idPrefix?: string;
  /** One call more in the first queue on the first N days (to hit an exact yearly total). */
  extraOnFirstDays?: number;
};

export type QueueLogExpect = { calls: number; answered: number; unanswered: number; lines: number };

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export function* generateQueueLog(spec: QueueLogSpec, expect: QueueLogExpect): Generator<string> {
  const rand = rng(spec.seed ?? 42);
  const share = spec.answeredShare ?? 0.89;
  const prefix = spec.idPrefix ?? "";
  let seq = 0;
  const emit = (l: string) => {
    expect.lines++;
    return l;
  };
  for (let d = 0; d < spec.days; d++) {
    const dayStart = spec.startEpoch + d * 86400 + 7 * 3600; // 08:00/09:00 local
    yield emit(`${dayStart - 60}|NONE|NONE|NONE|QUEUESTART|`);
    for (const queue of Object.keys(spec.perDay)) yield emit(`${dayStart - 30}|NONE|${queue}|SIP/201|ADDMEMBER|`);
    // Calls in time order across the queues, spread over an 8-hour day.
    const calls: { t: number; queue: string }[] = [];
    Object.entries(spec.perDay).forEach(([queue, n], qi) => {
      const count = n + (qi === 0 && d < (spec.extraOnFirstDays ?? 0) ? 1 : 0);
      for (let i = 0; i < count; i++) calls.push({ t: dayStart + Math.floor(rand() * 8 * 3600), queue });
    });
    calls.sort((a, b) => a.t - b.t);
    // Events of overlapping calls interleave in a real log; buffer the future ones and release them in order.
    const pending: { t: number; line: string }[] = [];
    const release = function* (upTo: number) {
      pending.sort((a, b) => a.t - b.t);
      while (pending.length && pending[0].t <= upTo) yield emit(pending.shift()!.line);
    };
    for (const c of calls) {
      yield* release(c.t);
      const id = `${prefix}${c.t}.${seq++}`;
      const agent = `SIP/${200 + Math.floor(rand() * 40)}`;
      const caller = `06${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`;
      yield emit(`${c.t}|${id}|${c.queue}|NONE|ENTERQUEUE||${caller}|1`);
      expect.calls++;
      if (rand() < share) {
        const wait = Math.floor(rand() * 90);
        const talk = 30 + Math.floor(rand() * 400);
        if (rand() < 0.1)
          pending.push({
            t: c.t + Math.floor(wait / 2),
            line: `${c.t + Math.floor(wait / 2)}|${id}|${c.queue}|SIP/299|RINGNOANSWER|15000`,
          });
        pending.push({ t: c.t + wait, line: `${c.t + wait}|${id}|${c.queue}|${agent}|CONNECT|${wait}|${id}.1|3` });
        const ev = rand() < 0.5 ? "COMPLETECALLER" : "COMPLETEAGENT";
        pending.push({ t: c.t + wait + talk, line: `${c.t + wait + talk}|${id}|${c.queue}|${agent}|${ev}|${wait}|${talk}|1` });
        expect.answered++;
      } else {
        const wait = 5 + Math.floor(rand() * 200);
        const r = rand();
        const line =
          r < 0.8
            ? `${c.t + wait}|${id}|${c.queue}|NONE|ABANDON|1|1|${wait}`
            : r < 0.95
              ? `${c.t + wait}|${id}|${c.queue}|NONE|EXITWITHTIMEOUT|1|1|${wait}`
              : `${c.t + wait}|${id}|${c.queue}|NONE|EXITWITHKEY|1|1|1|${wait}`;
        pending.push({ t: c.t + wait, line });
        expect.unanswered++;
      }
      if (pending.length > 500) yield* release(c.t);
    }
    yield* release(Number.MAX_SAFE_INTEGER);
    yield emit(`${dayStart + 9 * 3600}|NONE|${Object.keys(spec.perDay)[0]}|SIP/201|REMOVEMEMBER|`);
  }
}

/** Lines → a byte stream of `chunkLines` lines per chunk, as an upload arrives. */
export function streamOf(lines: Iterable<string>, chunkLines = 2000): ReadableStream<Uint8Array> {
  const it = lines[Symbol.iterator]();
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const buf: string[] = [];
      for (let i = 0; i < chunkLines; i++) {
        const n = it.next();
        if (n.done) break;
        buf.push(n.value);
      }
      if (buf.length) controller.enqueue(enc.encode(buf.join("\n") + "\n"));
      if (buf.length < chunkLines) controller.close();
    },
  });
}
