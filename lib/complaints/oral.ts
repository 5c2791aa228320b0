/**
 * Oral complaints (phone, desk). Awb 9:5: when a complaint is met to the complainant's satisfaction at once,
 * the duty to apply the rest of the complaints procedure lapses — it closes then and there, without
 * letters. An oral complaint that is not resolved at once is recorded in writing (the registration is that
 * record) and from then on follows the written procedure (acknowledgement 9:6, term 9:11, hearing 9:10,
 * findings 9:12). The complaint file shows which rule applied.
 */
export const ORAL_CHANNELS = ["phone", "desk"] as const;
export type OralRule = "resolved_at_once" | "written_procedure";

export const isOralChannel = (channel: string) => (ORAL_CHANNELS as readonly string[]).includes(channel);

/** The rule that applies at registration: none for written channels. */
export function oralRuleFor(channel: string, resolvedAtOnce: boolean): OralRule | null {
  if (!isOralChannel(channel)) return null;
  return resolvedAtOnce ? "resolved_at_once" : "written_procedure";
}
