"use client";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { challengeStore } from "@/lib/client/challenge";

/**
 * A polite live region that says "even geduld…" while the browser solves a proof-of-work challenge for a
 * public form (issue 11.4); empty otherwise. `busy`: this form's request is the one waiting (a page with two
 * forms announces it once). Nothing to do for the user: the form goes on by itself.
 */
export function ChallengeStatus({ busy, className = "" }: { busy: boolean; className?: string }) {
  const t = useTranslations("common");
  const solving = useSyncExternalStore(challengeStore.subscribe, challengeStore.solving, () => false);
  return (
    <div role="status" aria-live="polite" className={className} data-testid="challenge-status">
      {busy && solving ? <p>{t("challengeSolving")}</p> : null}
    </div>
  );
}
