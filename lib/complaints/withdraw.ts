import "server-only";
import { z } from "zod";
import { isIsoDate } from "@/lib/calendar/dates";
import { recordEvent } from "@/lib/platform/events";
import { checkStepDate } from "./deadline";
import { sendToParties } from "./letters-out";
import { refuse, step, update, view, type Complaint } from "./service";

/**
 * The complainant withdraws the complaint (by letter, mail, phone or at a desk; the handler records it):
 * `POST /api/v1/complaints/{reference}/withdraw {withdrawnOn, note?}`. It closes on `withdrawnOn` with
 * outcome and closure `withdrawn`. A withdrawn complaint was not handled, so every figure counts it apart:
 * neither on time nor late (lib/complaints/stats.ts, the register, the monthly publication, the
 * dashboards and the annual report). A confirmation goes to the complainant and, when the complaint names
 * one, to the person or unit it was about.
 */
export const withdrawSchema = z.object({
  withdrawnOn: z.string().refine(isIsoDate, "not a date (YYYY-MM-DD)"),
  note: z
    .string()
    .trim()
    .max(5000)
    .optional()
    .nullable()
    .transform((v) => v || null),
});

export async function withdrawComplaint(
  actor: Parameters<typeof step>[0],
  reference: string,
  input: z.infer<typeof withdrawSchema>,
  now = new Date(),
) {
  return step(actor, reference, now, async ({ tx, c, today, actor: a }) => {
    refuse(checkStepDate("withdrawnOn", input.withdrawnOn, c.receivedOn, today));
    const row: Complaint = await update(tx, c, {
      withdrawnOn: input.withdrawnOn,
      withdrawalNote: input.note,
      outcome: "withdrawn",
      status: "closed",
      closedAs: "withdrawn",
      closedOn: input.withdrawnOn,
    });
    await sendToParties(tx, row, "withdrawal", today, { on: input.withdrawnOn, note: input.note ?? undefined });
    await recordEvent(tx, a, "complaint", c.id, "withdrawn", { withdrawnOn: input.withdrawnOn, note: input.note });
    return view(row);
  });
}
