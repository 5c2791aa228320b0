/**
 * Asterisk queue_log, pure (spec 03): `epoch|uniqueid|queuename|agent|EVENT|data1|data2|…`, one event per
 * line, epoch in UTC seconds. Lines are folded into one call per uniqueid and queue: offered at
 * ENTERQUEUE, answered at CONNECT, ended by COMPLETECALLER/COMPLETEAGENT, a transfer, ABANDON or an EXIT
 * event. A call still open at the end of the input is returned open, to be completed by a later file.
 * Memory holds only the calls in progress, so it stays flat however long the file is.
 */
import type { CallResult } from "./cti";

/** The events that shape a call; every other event (AGENTLOGIN, ADDMEMBER, PAUSE, QUEUESTART…) is skipped. */
export const QUEUE_LOG_EVENTS = [
  "ENTERQUEUE",
  "CONNECT",
  "COMPLETECALLER",
  "COMPLETEAGENT",
  "ABANDON",
  "EXITWITHTIMEOUT",
  "EXITEMPTY",
  "EXITWITHKEY",
  "TRANSFER",
  "BLINDTRANSFER",
  "ATTENDEDTRANSFER",
  "RINGNOANSWER",
] as const;
export type QueueLogEventName = (typeof QUEUE_LOG_EVENTS)[number];

export type QueueLogEvent = {
  epoch: number;
  uniqueid: string;
  queue: string;
  agent: string | null;
  event: QueueLogEventName;
  data: string[];
};

export type ParsedLine = { kind: "event"; event: QueueLogEvent } | { kind: "skip" } | { kind: "error"; reason: string };

const INT = /^\d{1,9}$/;
const EVENT_NAME = /^[A-Z_]+$/;
const USED = new Set<string>(QUEUE_LOG_EVENTS);

/** Which data fields must be whole numbers, per event (1-based, "last" = the last field). */
const NUMERIC: Partial<Record<QueueLogEventName, (number | "last")[]>> = {
  CONNECT: [1],
  COMPLETECALLER: [1, 2],
  COMPLETEAGENT: [1, 2],
  ABANDON: [3],
  EXITWITHTIMEOUT: ["last"],
  EXITEMPTY: ["last"],
  EXITWITHKEY: ["last"],
  TRANSFER: [3, 4],
  BLINDTRANSFER: [3, 4],
  ATTENDEDTRANSFER: [3, 4],
};

export function parseQueueLogLine(line: string): ParsedLine {
  const text = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (text.trim() === "") return { kind: "skip" };
  const f = text.split("|");
  if (f.length < 5) return { kind: "error", reason: `expected at least 5 fields separated by |, found ${f.length}` };
  const [epochText, uniqueid, queue, agent, event] = f;
  if (!INT.test(epochText) && !/^\d{1,12}$/.test(epochText))
    return { kind: "error", reason: `epoch "${epochText.slice(0, 20)}" is not a number of seconds` };
  if (!EVENT_NAME.test(event)) return { kind: "error", reason: `event "${event.slice(0, 30)}" is not an event name` };
  if (!USED.has(event)) return { kind: "skip" };
  if (!uniqueid || uniqueid === "NONE") return { kind: "error", reason: "uniqueid is missing" };
  if (!queue || queue === "NONE") return { kind: "error", reason: "queue name is missing" };
  const data = f.slice(5);
  for (const pos of NUMERIC[event as QueueLogEventName] ?? []) {
    const i = pos === "last" ? data.length - 1 : pos - 1;
    const v = data[i];
    if (v === undefined || !INT.test(v))
      return { kind: "error", reason: `${event}: data${i + 1} "${(v ?? "").slice(0, 20)}" is not a number of seconds` };
  }
  return {
    kind: "event",
    event: {
      epoch: Number(epochText),
      uniqueid,
      queue,
      agent: agent && agent !== "NONE" ? agent : null,
      event: event as QueueLogEventName,
      data,
    },
  };
}

/** One call as far as the input tells it; dates are instants (UTC epoch seconds × 1000). */
export type QueueLogCall = {
  externalId: string;
  queueName: string;
  agent: string | null;
  fromNumber: string | null;
  offeredAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  result: CallResult | null;
};

type Open = {
  queueName: string;
  agent: string | null;
  fromNumber: string | null;
  offered: number | null;
  answered: number | null;
  ended: number | null;
  wait: number | null;
  talk: number | null;
  result: CallResult | null;
  firstSeen: number;
};

const toCall = (key: string, o: Open): QueueLogCall => {
  const offered = o.offered ?? (o.answered !== null && o.wait !== null ? o.answered - o.wait : o.firstSeen);
  const date = (s: number | null) => (s === null ? null : new Date(s * 1000));
  return {
    externalId: key,
    queueName: o.queueName,
    agent: o.agent,
    fromNumber: o.fromNumber,
    offeredAt: new Date(offered * 1000),
    answeredAt: date(o.answered),
    endedAt: date(o.ended),
    waitSeconds: o.wait,
    talkSeconds: o.talk,
    result: o.result,
  };
};

/**
 * Folds events into calls. `add` returns the call an event completed (or null); `drainOpen` returns the
 * calls still open at the end of the input.
 */
export class QueueLogFolder {
  private open = new Map<string, Open>();

  get openCount() {
    return this.open.size;
  }

  add(e: QueueLogEvent): QueueLogCall | null {
    const key = `${e.uniqueid}:${e.queue}`;
    let o = this.open.get(key);
    if (!o) {
      // A RINGNOANSWER alone says nothing about the call's life; wait for an event that does.
      if (e.event === "RINGNOANSWER") return null;
      o = {
        queueName: e.queue,
        agent: null,
        fromNumber: null,
        offered: null,
        answered: null,
        ended: null,
        wait: null,
        talk: null,
        result: null,
        firstSeen: e.epoch,
      };
      this.open.set(key, o);
    }
    const n = (i: number) => Number(e.data[i]);
    const last = () => Number(e.data[e.data.length - 1]);
    const end = (result: CallResult, wait: number | null, talk: number | null) => {
      o.ended = e.epoch;
      o.result = result;
      if (wait !== null) o.wait ??= wait;
      if (talk !== null) o.talk = talk;
      if (o.offered === null && o.answered === null && wait !== null) o.offered = e.epoch - (talk ?? 0) - wait;
      if (talk !== null && o.answered === null && result !== "abandoned") o.answered = e.epoch - talk;
      this.open.delete(key);
      return toCall(key, o);
    };
    switch (e.event) {
      case "ENTERQUEUE":
        o.offered = e.epoch;
        o.fromNumber = e.data[1] || o.fromNumber;
        return null;
      case "CONNECT":
        o.answered = e.epoch;
        o.wait = n(0);
        o.agent = e.agent ?? o.agent;
        if (o.offered === null) o.offered = e.epoch - n(0);
        return null;
      case "RINGNOANSWER":
        return null;
      case "COMPLETECALLER":
      case "COMPLETEAGENT":
        o.agent = e.agent ?? o.agent;
        return end("answered", n(0), n(1));
      case "TRANSFER":
      case "BLINDTRANSFER":
      case "ATTENDEDTRANSFER":
        o.agent = e.agent ?? o.agent;
        return end("transferred", n(2), n(3));
      case "ABANDON":
        return end("abandoned", n(2), null);
      case "EXITWITHTIMEOUT":
        return end("timeout", last(), null);
      case "EXITWITHKEY":
        return end("abandoned", last(), null);
      case "EXITEMPTY":
        // No agent logged in to the queue: the system, not the caller, ended it.
        return end("failed", last(), null);
    }
  }

  /** Calls whose end was not in the input; a later import completes them. */
  drainOpen(): QueueLogCall[] {
    const out = [...this.open].map(([k, o]) => toCall(k, o));
    this.open.clear();
    return out;
  }
}

/** Splits a byte stream into lines without holding more than one chunk and one partial line. */
export async function* linesOf(stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  const iterable: AsyncIterable<Uint8Array> =
    Symbol.asyncIterator in stream ? (stream as AsyncIterable<Uint8Array>) : readerIterable(stream as ReadableStream<Uint8Array>);
  for await (const chunk of iterable) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", start)) {
      yield text.slice(start, i);
      start = i + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}

async function* readerIterable(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
