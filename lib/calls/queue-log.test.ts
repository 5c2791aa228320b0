import { describe, expect, it } from "vitest";
import { linesOf, parseQueueLogLine, QueueLogFolder, type QueueLogCall, type QueueLogEvent } from "./queue-log";

const ev = (line: string): QueueLogEvent => {
  const p = parseQueueLogLine(line);
  if (p.kind !== "event") throw new Error(`not an event: ${line} → ${JSON.stringify(p)}`);
  return p.event;
};

function fold(lines: string[]): { done: QueueLogCall[]; open: QueueLogCall[] } {
  const f = new QueueLogFolder();
  const done: QueueLogCall[] = [];
  for (const l of lines) {
    const c = f.add(ev(l));
    if (c) done.push(c);
  }
  return { done, open: f.drainOpen() };
}

const T = 1717225200; // 2024-06-01T07:00:00Z

describe("parseQueueLogLine", () => {
  it("reads a real ENTERQUEUE line", () => {
    expect(ev(`${T}|1717225200.1234|frontdesk|NONE|ENTERQUEUE||0612345678|1`)).toEqual({
      epoch: T,
      uniqueid: "1717225200.1234",
      queue: "frontdesk",
      agent: null,
      event: "ENTERQUEUE",
      data: ["", "0612345678", "1"],
    });
  });
  it("skips events that do not shape a call, without error", () => {
    for (const line of [
      `${T}|NONE|NONE|NONE|QUEUESTART|`,
      `${T}|NONE|NONE|NONE|CONFIGRELOAD|`,
      `${T}|1717225200.1|frontdesk|SIP/201|ADDMEMBER|`,
      `${T}|1717225200.1|frontdesk|SIP/201|PAUSE|lunch`,
      `${T}|1717225200.1|NONE|Agent/201|AGENTLOGIN|SIP/201`,
      `${T}|1717225200.1|frontdesk|SIP/201|UNPAUSE|`,
      "",
    ])
      expect(parseQueueLogLine(line).kind, line).toBe("skip");
  });
  it("rejects broken lines with a reason", () => {
    for (const line of [
      "garbage",
      `${T}|only|three`,
      `notanumber|1.1|frontdesk|NONE|ENTERQUEUE||06|1`,
      `${T}|1.1|frontdesk|NONE|enterqueue?|`,
      `${T}||frontdesk|NONE|ENTERQUEUE||06|1`,
      `${T}|1.1||NONE|ENTERQUEUE||06|1`,
      `${T}|1.1|frontdesk|SIP/201|CONNECT|x|1.2|3`,
      `${T}|1.1|frontdesk|SIP/201|COMPLETECALLER|10`,
      `${T}|1.1|frontdesk|NONE|ABANDON|1|1`,
      `${T}|1.1|frontdesk|NONE|EXITWITHTIMEOUT|1|1|soon`,
    ]) {
      const p = parseQueueLogLine(line);
      expect(p.kind, line).toBe("error");
      expect((p as { reason: string }).reason.length).toBeGreaterThan(5);
    }
  });
  it("tolerates CRLF line ends", () => {
    expect(ev(`${T}|1.1|frontdesk|NONE|ABANDON|2|1|35\r`).data).toEqual(["2", "1", "35"]);
  });
});

describe("QueueLogFolder", () => {
  it("ENTERQUEUE → CONNECT → COMPLETECALLER is an answered call", () => {
    const { done, open } = fold([
      `${T}|u1|frontdesk|NONE|ENTERQUEUE||0612345678|1`,
      `${T + 5}|u1|frontdesk|SIP/201|RINGNOANSWER|5000`,
      `${T + 20}|u1|frontdesk|SIP/201|CONNECT|20|u1.2|3`,
      `${T + 200}|u1|frontdesk|SIP/201|COMPLETECALLER|20|180|1`,
    ]);
    expect(open).toEqual([]);
    expect(done).toEqual([
      {
        externalId: "u1:frontdesk",
        queueName: "frontdesk",
        agent: "SIP/201",
        fromNumber: "0612345678",
        offeredAt: new Date(T * 1000),
        answeredAt: new Date((T + 20) * 1000),
        endedAt: new Date((T + 200) * 1000),
        waitSeconds: 20,
        talkSeconds: 180,
        result: "answered",
      },
    ]);
  });
  it("COMPLETEAGENT and the transfers end an answered call", () => {
    for (const [event, data, result] of [
      ["COMPLETEAGENT", "20|100|1", "answered"],
      ["TRANSFER", "301|from-internal|20|100|1", "transferred"],
      ["BLINDTRANSFER", "301|from-internal|20|100|1", "transferred"],
      ["ATTENDEDTRANSFER", "BRIDGE|b1|20|100|1", "transferred"],
    ]) {
      const { done } = fold([
        `${T}|u2|backoffice|NONE|ENTERQUEUE||070|1`,
        `${T + 20}|u2|backoffice|SIP/301|CONNECT|20|x|2`,
        `${T + 120}|u2|backoffice|SIP/301|${event}|${data}`,
      ]);
      expect(done[0], event).toMatchObject({ result, talkSeconds: 100, waitSeconds: 20, agent: "SIP/301" });
    }
  });
  it("ABANDON and the EXIT events end an unanswered call with its wait", () => {
    for (const [event, data, result] of [
      ["ABANDON", "3|1|45", "abandoned"],
      ["EXITWITHTIMEOUT", "3|1|45", "timeout"],
      ["EXITWITHKEY", "1|3|1|45", "abandoned"],
      ["EXITEMPTY", "1|1|45", "failed"],
    ]) {
      const { done } = fold([`${T}|u3|partners|NONE|ENTERQUEUE||020|1`, `${T + 45}|u3|partners|NONE|${event}|${data}`]);
      expect(done[0], event).toMatchObject({ result, waitSeconds: 45, answeredAt: null, talkSeconds: null, offeredAt: new Date(T * 1000) });
    }
  });
  it("one call per uniqueid and queue", () => {
    const { done } = fold([
      `${T}|u4|frontdesk|NONE|ENTERQUEUE||06|1`,
      `${T + 30}|u4|frontdesk|NONE|EXITWITHKEY|2|1|1|30`,
      `${T + 31}|u4|backoffice|NONE|ENTERQUEUE||06|1`,
      `${T + 40}|u4|backoffice|SIP/301|CONNECT|9|x|1`,
      `${T + 100}|u4|backoffice|SIP/301|COMPLETEAGENT|9|60|1`,
    ]);
    expect(done.map((c) => [c.externalId, c.result])).toEqual([
      ["u4:frontdesk", "abandoned"],
      ["u4:backoffice", "answered"],
    ]);
  });
  it("a call whose end is not in the input stays open; the rest of it alone still gives its times", () => {
    const first = fold([`${T}|u5|frontdesk|NONE|ENTERQUEUE||06|1`, `${T + 10}|u5|frontdesk|SIP/201|CONNECT|10|x|1`]);
    expect(first.done).toEqual([]);
    expect(first.open[0]).toMatchObject({ externalId: "u5:frontdesk", result: null, endedAt: null, answeredAt: new Date((T + 10) * 1000) });
    const second = fold([`${T + 70}|u5|frontdesk|SIP/201|COMPLETECALLER|10|60|1`]);
    expect(second.done[0]).toMatchObject({
      result: "answered",
      offeredAt: new Date(T * 1000),
      answeredAt: new Date((T + 10) * 1000),
      talkSeconds: 60,
    });
  });
});

describe("linesOf", () => {
  it("splits across chunk borders and multi-byte characters", async () => {
    const bytes = new TextEncoder().encode("a|é\nbb\r\n\nlast");
    const chunks = [bytes.slice(0, 3), bytes.slice(3, 5), bytes.slice(5)];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(ch);
        c.close();
      },
    });
    const out: string[] = [];
    for await (const l of linesOf(stream)) out.push(l);
    expect(out).toEqual(["a|é", "bb\r", "", "last"]);
  });
});
