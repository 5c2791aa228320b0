import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { CtiPayloadError, mergeCtiEvent, parseCtiPayload, resultForHangup, tokensMatch, type CtiCallState } from "./cti";

const t0 = new Date("2026-03-02T09:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const ev = (raw: Record<string, unknown>) => parseCtiPayload({ callId: "c1", ...raw });
const newCall = ev({ event: "newCall", direction: "in", from: "0612345678", to: "09001234561", user: ["201", "202"], queue: "frontdesk" });
const answer = ev({ event: "answer", direction: "in", answeringNumber: "201" });
const hangup = (cause = "normalClearing") => ev({ event: "hangup", direction: "in", cause });

function run(steps: [ReturnType<typeof ev>, number][]): CtiCallState {
  let s: CtiCallState | null = null;
  for (const [e, sec] of steps) s = mergeCtiEvent(s, e, at(sec)).state;
  if (!s) throw new Error("no steps");
  return s;
}

describe("parseCtiPayload", () => {
  it("reads Zammad's fields, call_id and user arrays", () => {
    const e = parseCtiPayload({ event: "newCall", direction: "out", call_id: "x", user: ["a", "b"], from: " 201 ", to: "0612" });
    expect(e).toMatchObject({ event: "newCall", direction: "out", callId: "x", users: ["a", "b"], from: "201", to: "0612" });
    expect(parseCtiPayload({ event: "answer", callId: "y", user: "Fatima" }).users).toEqual(["Fatima"]);
    expect(parseCtiPayload({ event: "answer", callId: "y", "user[]": ["p", "q"] }).users).toEqual(["p", "q"]);
  });
  it("refuses an unknown event or a bad direction with 422 naming it", () => {
    const err = (raw: Record<string, unknown>) => {
      try {
        parseCtiPayload(raw);
      } catch (e) {
        return e as CtiPayloadError;
      }
      throw new Error("no error");
    };
    expect(err({ event: "ring", callId: "1" })).toMatchObject({ status: 422, field: "event" });
    expect(err({ event: "newCall", direction: "sideways", callId: "1" })).toMatchObject({ status: 422, field: "direction" });
    expect(err({ event: "newCall", callId: "1" })).toMatchObject({ status: 422, field: "direction" });
    expect(err({ event: "answer" })).toMatchObject({ status: 400, field: "callId" });
  });
});

describe("mergeCtiEvent", () => {
  it("newCall → answer → hangup gives an answered call with wait and talk time", () => {
    const s = run([
      [newCall, 0],
      [answer, 12],
      [hangup(), 192],
    ]);
    expect(s).toMatchObject({
      direction: "in",
      fromNumber: "0612345678",
      toNumber: "09001234561",
      queueName: "frontdesk",
      answeringNumber: "201",
      result: "answered",
      waitSeconds: 12,
      talkSeconds: 180,
    });
    expect(s.ringingUsers).toEqual(["201", "202"]);
    expect(s.offeredAt).toEqual(at(0));
  });
  it("repeats change nothing", () => {
    const s = run([
      [newCall, 0],
      [answer, 12],
      [hangup(), 192],
    ]);
    for (const [e, sec] of [
      [newCall, 300],
      [answer, 301],
      [hangup("busy"), 302],
    ] as const) {
      const r = mergeCtiEvent(s, e, at(sec));
      expect(r.changed).toBe(false);
      expect(r.state).toEqual(s);
    }
  });
  it("out of order: answer and hangup before newCall still give one correct call", () => {
    const s = run([
      [answer, 10],
      [hangup(), 70],
      [newCall, 71],
    ]);
    expect(s).toMatchObject({
      fromNumber: "0612345678",
      queueName: "frontdesk",
      result: "answered",
      talkSeconds: 60,
      answeringNumber: "201",
    });
    expect(s.offeredAt).toEqual(at(10));
  });
  it("an answer after the hangup is ignored", () => {
    const s = run([
      [newCall, 0],
      [hangup("cancel"), 30],
      [answer, 31],
    ]);
    expect(s).toMatchObject({ result: "abandoned", answeredAt: null, waitSeconds: 30, talkSeconds: null });
  });
  it("a ringing call has no result yet", () => {
    expect(run([[newCall, 0]])).toMatchObject({ result: null, endedAt: null, waitSeconds: null });
  });
  it("maps every hang-up cause", () => {
    const cases: [string, boolean, string][] = [
      ["normalClearing", true, "answered"],
      ["normalClearing", false, "abandoned"],
      ["cancel", false, "abandoned"],
      ["busy", false, "busy"],
      ["noAnswer", false, "no_answer"],
      ["congestion", false, "failed"],
      ["notFound", false, "failed"],
      ["forwarded", false, "transferred"],
      ["forwarded", true, "transferred"],
    ];
    for (const [cause, answered, result] of cases) expect(resultForHangup(cause, answered, "in"), cause).toBe(result);
    expect(resultForHangup("cancel", false, "out")).toBe("no_answer");
  });
});

describe("helpers", () => {
  it("compares tokens", () => {
    expect(tokensMatch("abc", "abc", crypto.timingSafeEqual)).toBe(true);
    expect(tokensMatch("abd", "abc", crypto.timingSafeEqual)).toBe(false);
    expect(tokensMatch("abc", "abc\u0000", crypto.timingSafeEqual)).toBe(false);
    expect(tokensMatch("", "abc", crypto.timingSafeEqual)).toBe(false);
  });
});
