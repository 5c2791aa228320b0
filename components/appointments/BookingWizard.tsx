"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ChallengeStatus } from "@/components/ChallengeStatus";
import { Card, ErrorSummary, Heading, LiveRegion } from "@/components/ui";
import { queryKeys } from "@/lib/api/endpoint";
import { bookEndpoint, desksEndpoint, holdEndpoint, productsEndpoint, slotsEndpoint, type SlotView } from "@/lib/appointments/contract";
import { useEndpointMutation, useEndpointQuery } from "@/lib/client/endpoint";
import { useFormErrors } from "@/lib/client/form-errors";
import { BookingConfirmation } from "./BookingConfirmation";
import { BookingDetails, type Details } from "./BookingDetails";
import { DeskStep, PersonsStep, ProductStep } from "./BookingSteps";
import { SlotPicker } from "./SlotPicker";

type Prefill = { name?: string; phone?: string; email?: string; callId?: string; product?: string; persons?: number; desk?: string };

/** The input id of a field the API names (the error summary links to it). */
const fieldId = (mode: string) => (field: string) => {
  const m = /^persons\.(\d+)\.(name|vNumber)$/.exec(field);
  if (m) return `${mode}-${m[2] === "name" ? "name" : "v"}-${m[1]}`;
  if (field === "persons") return `${mode}-name-0`;
  return `${mode}-${field}`;
};

/**
 * Product → persons → desk (or earliest anywhere) → day → time → details → confirmation. The applicant's
 * page, and the agent's "book for a caller" (mode "agent": a phone number may replace the email).
 */
export function BookingWizard({
  mode = "public",
  prefill = {},
  holdMinutes = 5,
}: {
  mode?: "public" | "agent";
  prefill?: Prefill;
  /** APPOINTMENTS_HOLD_MINUTES, from the server page. */
  holdMinutes?: number;
}) {
  const t = useTranslations("appointments");
  const locale = useLocale() as "nl" | "en";
  const qc = useQueryClient();
  const products = useEndpointQuery(productsEndpoint, {});
  const [product, setProduct] = useState<string | null>(prefill.product ?? null);
  const [persons, setPersons] = useState<number>(prefill.persons ?? 1);
  const [desk, setDesk] = useState<string | null>(prefill.desk ?? null);
  const desks = useEndpointQuery(desksEndpoint, { query: { product: product ?? undefined } }, { enabled: !!product });
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [holdId, setHoldId] = useState<string | null>(null);
  const [details, setDetails] = useState<Details>({
    names: [prefill.name ?? ""],
    vNumbers: [""],
    email: prefill.email ?? "",
    phone: prefill.phone ?? "",
    language: locale,
  });
  const refreshSlots = () => qc.invalidateQueries({ queryKey: queryKeys(slotsEndpoint) });

  // `replaces`: the previous hold goes back at once (anonymous holds are capped per client, issue 11.4).
  const hold = useEndpointMutation(holdEndpoint, {
    onSuccess: (r) => setHoldId(r.holdId),
    onError: () => {
      setHoldId(null);
      void refreshSlots();
    },
  });
  const book = useEndpointMutation(bookEndpoint, {
    onError: (e) => {
      if (e.code === "slot_full") {
        setSlot(null);
        void refreshSlots();
      }
    },
  });
  const holdErrors = useFormErrors(hold.error);
  const nameRequired = t("nameRequired");
  const errors = useFormErrors(book.error, {
    idOf: fieldId(mode),
    overrides: (field, code) => (code === "required" && /^persons(\.\d+\.name)?$/.test(field) ? nameRequired : undefined),
  });

  if (book.isSuccess) return <BookingConfirmation a={book.data} />;

  const choose = (patch: () => void) => {
    patch();
    setSlot(null);
  };
  const submit = () => {
    if (!slot || !product) return;
    const n = persons;
    book.mutate({
      body: {
        slotId: slot.id,
        holdId: holdId ?? undefined,
        product,
        persons: details.names.slice(0, n).map((name, i) => ({ name, vNumber: details.vNumbers[i] || undefined })),
        email: details.email || undefined,
        phone: details.phone || undefined,
        language: details.language,
        ...(mode === "agent" && prefill.callId ? { callId: prefill.callId } : {}),
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="flex flex-col gap-6"
    >
      <ErrorSummary items={errors.summary} general={errors.general} focusKey={book.error} id={`${mode}-error-summary`} />
      <ProductStep
        mode={mode}
        products={products.data ?? []}
        product={product}
        onChange={(k) => choose(() => (setProduct(k), setDesk(null)))}
      />
      {product ? (
        <PersonsStep
          mode={mode}
          persons={persons}
          onChange={(n) =>
            choose(() => {
              setPersons(n);
              setDetails((d) => ({
                ...d,
                names: Array.from({ length: n }, (_, i) => d.names[i] ?? ""),
                vNumbers: Array.from({ length: n }, (_, i) => d.vNumbers[i] ?? ""),
              }));
            })
          }
        />
      ) : null}
      {product ? <DeskStep mode={mode} desks={desks.data ?? []} desk={desk} onChange={(c) => choose(() => setDesk(c))} /> : null}
      {product && desk ? (
        <Card labelledBy="step-time">
          <Heading level={2} id="step-time">
            {t("stepTime")}
          </Heading>
          <SlotPicker
            key={`${desk}-${product}-${persons}`}
            product={product}
            persons={persons}
            desk={desk}
            desks={desks.data ?? []}
            idPrefix={mode}
            onPick={(s) => {
              setSlot(s);
              hold.mutate({ params: { id: s.id }, body: { persons, replaces: holdId ?? undefined } });
            }}
          />
          <LiveRegion
            className="mt-2"
            type={hold.isError ? "error" : "ok"}
            message={hold.isError ? holdErrors.general : slot && holdId ? t("held", { time: slot.startTime, minutes: holdMinutes }) : null}
          />
        </Card>
      ) : null}
      {slot ? (
        <BookingDetails mode={mode} persons={persons} value={details} onChange={setDetails} errors={errors} busy={book.isPending} />
      ) : null}
      {/* One polite live region for the hold and the booking: "even geduld…" while a challenge is solved. */}
      <ChallengeStatus busy={hold.isPending || book.isPending} />
    </form>
  );
}
