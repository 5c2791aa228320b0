import { describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import { recordEvent, SYSTEM } from "./events";

describe("recordEvent", () => {
  it("refuses read events: only auditRead (lib/privacy) writes those", async () => {
    const unused = {} as DbOrTx; // never reached: the refusal comes first
    await expect(recordEvent(unused, SYSTEM("test"), "ticket", "1", "read", {})).rejects.toThrow(/auditRead/);
  });
});
