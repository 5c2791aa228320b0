"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ChallengeStatus } from "@/components/ChallengeStatus";
import { apiFetch, ApiError } from "@/lib/client/api";
import { SlotPicker } from "./SlotPicker";
import type { AppointmentView, DeskView, ProductView, SlotView } from "./types";

type Prefill = { name?: string; phone?: string; email?: string; callId?: string; product?: string; persons?: number; desk?: string };

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
  const fmt = useFormatter();
  const qc = useQueryClient();
  const products = useQuery({ queryKey: ["products"], queryFn: () => apiFetch<ProductView[]>("/api/v1/products") });
  const [product, setProduct] = useState<string | null>(prefill.product ?? null);
  const [persons, setPersons] = useState<number>(prefill.persons ?? 1);
  const [desk, setDesk] = useState<string | null>(prefill.desk ?? null);
  const desks = useQuery({
    queryKey: ["desks", product],
    queryFn: () => apiFetch<DeskView[]>(`/api/v1/desks?product=${product}`),
    enabled: !!product,
  });
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [holdId, setHoldId] = useState<string | null>(null);
  const [holdError, setHoldError] = useState<string | null>(null);
  const [names, setNames] = useState<string[]>([prefill.name ?? ""]);
  const [vNumbers, setVNumbers] = useState<string[]>([""]);
  const [email, setEmail] = useState(prefill.email ?? "");
  const [phone, setPhone] = useState(prefill.phone ?? "");
  const [language, setLanguage] = useState<"nl" | "en">(locale);
  const doneRef = useRef<HTMLHeadingElement>(null);

  const hold = useMutation({
    // `replaces`: the previous hold goes back at once (anonymous holds are capped per client, issue 11.4).
    mutationFn: (s: SlotView) =>
      apiFetch<{ holdId: string }>(`/api/v1/slots/${encodeURIComponent(s.id)}/hold`, {
        method: "POST",
        body: { persons, replaces: holdId ?? undefined },
      }),
    onSuccess: (r) => {
      setHoldId(r.holdId);
      setHoldError(null);
    },
    onError: (e) => {
      setHoldId(null);
      setHoldError(
        e instanceof ApiError && e.code === "slot_full"
          ? t("slotGone")
          : e instanceof ApiError && e.code === "hold_cap"
            ? t("holdCap")
            : t("holdFailed"),
      );
      qc.invalidateQueries({ queryKey: ["slots"] });
    },
  });
  const book = useMutation({
    mutationFn: () =>
      apiFetch<AppointmentView>("/api/v1/appointments", {
        method: "POST",
        body: {
          slotId: slot!.id,
          holdId: holdId ?? undefined,
          product,
          persons: names.slice(0, persons).map((name, i) => ({ name, vNumber: vNumbers[i] || undefined })),
          email: email || undefined,
          phone: phone || undefined,
          language,
          ...(mode === "agent" && prefill.callId ? { callId: prefill.callId } : {}),
        },
      }),
    onError: (e) => {
      if (e instanceof ApiError && e.code === "slot_full") {
        setSlot(null);
        qc.invalidateQueries({ queryKey: ["slots"] });
      }
    },
  });
  useEffect(() => {
    if (book.isSuccess) doneRef.current?.focus();
  }, [book.isSuccess]);

  const err = book.error instanceof ApiError ? book.error : null;
  const fieldErr = (k: string) => err?.fields[k];
  const pName = (p: ProductView) => (locale === "en" ? p.name.en : p.name.nl);
  const dName = (d: DeskView) => (locale === "en" ? d.names.en : d.names.nl);

  if (book.isSuccess) {
    const a = book.data;
    return (
      <section aria-labelledby="done-title" className="card">
        <h2 id="done-title" ref={doneRef} tabIndex={-1}>
          {t("doneTitle")}
        </h2>
        <p>
          {t("yourReference")}{" "}
          <strong className="text-xl" data-testid="reference">
            {a.reference}
          </strong>
        </p>
        <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">{t("what")}</dt>
          <dd>{locale === "en" ? a.productName.en : a.productName.nl}</dd>
          <dt className="font-semibold">{t("where")}</dt>
          <dd>
            {locale === "en" ? a.deskName.en : a.deskName.nl}, {a.address}
          </dd>
          <dt className="font-semibold">{t("when")}</dt>
          <dd>
            {fmt.dateTime(new Date(`${a.date}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" })}, {a.startTime}–{a.endTime}
          </dd>
          <dt className="font-semibold">{t("persons")}</dt>
          <dd>{a.persons.map((p) => p.name).join(", ")}</dd>
        </dl>
        <p role="status">{a.email ? t("emailSent", { email: a.email }) : t("noEmail")}</p>
        {a.icsUrl ? (
          <p className="mt-4">
            <a className="btn-secondary" href={a.icsUrl}>
              {t("addToCalendar")}
            </a>
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        book.mutate();
      }}
      className="flex flex-col gap-6"
    >
      <section aria-labelledby="step-product" className="card">
        <h2 id="step-product">{t("stepProduct")}</h2>
        <fieldset>
          <legend className="sr-only">{t("stepProduct")}</legend>
          {products.data?.map((p) => (
            <div key={p.key} className="flex items-center gap-2 py-1">
              <input
                type="radio"
                id={`${mode}-product-${p.key}`}
                name="product"
                value={p.key}
                checked={product === p.key}
                onChange={() => {
                  setProduct(p.key);
                  setDesk(null);
                  setSlot(null);
                }}
              />
              <label htmlFor={`${mode}-product-${p.key}`}>{pName(p)}</label>
            </div>
          ))}
        </fieldset>
      </section>

      {product ? (
        <section aria-labelledby="step-persons" className="card">
          <h2 id="step-persons">{t("stepPersons")}</h2>
          <label htmlFor={`${mode}-persons`} className="label">
            {t("personsCount")}
          </label>
          <select
            id={`${mode}-persons`}
            className="input max-w-32"
            value={persons}
            onChange={(e) => {
              const n = Number(e.target.value);
              setPersons(n);
              setSlot(null);
              setNames((xs) => Array.from({ length: n }, (_, i) => xs[i] ?? ""));
              setVNumbers((xs) => Array.from({ length: n }, (_, i) => xs[i] ?? ""));
            }}
          >
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </section>
      ) : null}

      {product ? (
        <section aria-labelledby="step-desk" className="card">
          <h2 id="step-desk">{t("stepDesk")}</h2>
          <fieldset>
            <legend className="sr-only">{t("stepDesk")}</legend>
            <div className="flex items-center gap-2 py-1">
              <input
                type="radio"
                id={`${mode}-desk-ALL`}
                name="desk"
                checked={desk === "ALL"}
                onChange={() => (setDesk("ALL"), setSlot(null))}
              />
              <label htmlFor={`${mode}-desk-ALL`} className="font-semibold">
                {t("earliestAnyDesk")}
              </label>
            </div>
            {desks.data?.map((d) => (
              <div key={d.code} className="flex items-center gap-2 py-1">
                <input
                  type="radio"
                  id={`${mode}-desk-${d.code}`}
                  name="desk"
                  checked={desk === d.code}
                  onChange={() => (setDesk(d.code), setSlot(null))}
                />
                <label htmlFor={`${mode}-desk-${d.code}`}>
                  {dName(d)} <span className="text-sm text-gray-700">({d.address})</span>
                </label>
              </div>
            ))}
          </fieldset>
        </section>
      ) : null}

      {product && desk ? (
        <section aria-labelledby="step-time" className="card">
          <h2 id="step-time">{t("stepTime")}</h2>
          <SlotPicker
            key={`${desk}-${product}-${persons}`}
            product={product}
            persons={persons}
            desk={desk}
            desks={desks.data ?? []}
            idPrefix={mode}
            onPick={(s) => {
              setSlot(s);
              hold.mutate(s);
            }}
          />
          <div role="status" aria-live="polite" className="mt-2">
            {holdError ? (
              <p className="field-error">{holdError}</p>
            ) : slot && holdId ? (
              <p>{t("held", { time: slot.startTime, minutes: holdMinutes })}</p>
            ) : null}
          </div>
        </section>
      ) : null}

      {slot ? (
        <section aria-labelledby="step-details" className="card">
          <h2 id="step-details">{t("stepDetails")}</h2>
          {err && !Object.keys(err.fields).length ? (
            <p role="alert" className="field-error">
              {err.code === "slot_full" ? t("slotGone") : err.message}
            </p>
          ) : null}
          {Array.from({ length: persons }, (_, i) => (
            <fieldset key={i} className="mb-4 grid gap-3 sm:grid-cols-2">
              <legend className="font-semibold">{t("personN", { n: i + 1 })}</legend>
              <div>
                <label htmlFor={`${mode}-name-${i}`} className="label">
                  {t("name")}
                </label>
                <input
                  id={`${mode}-name-${i}`}
                  className="input"
                  autoComplete={i === 0 ? "name" : "off"}
                  required
                  value={names[i] ?? ""}
                  onChange={(e) => setNames((xs) => xs.map((x, j) => (j === i ? e.target.value : x)))}
                  aria-invalid={fieldErr(`persons.${i}.name`) ? true : undefined}
                  aria-describedby={fieldErr(`persons.${i}.name`) ? `${mode}-name-${i}-err` : undefined}
                />
                {fieldErr(`persons.${i}.name`) ? (
                  <p id={`${mode}-name-${i}-err`} className="field-error">
                    {t("nameRequired")}
                  </p>
                ) : null}
              </div>
              <div>
                <label htmlFor={`${mode}-v-${i}`} className="label">
                  {t("vNumber")}
                </label>
                <input
                  id={`${mode}-v-${i}`}
                  className="input"
                  inputMode="numeric"
                  value={vNumbers[i] ?? ""}
                  onChange={(e) => setVNumbers((xs) => xs.map((x, j) => (j === i ? e.target.value : x)))}
                  aria-invalid={fieldErr(`persons.${i}.vNumber`) ? true : undefined}
                  aria-describedby={`${mode}-v-${i}-hint${fieldErr(`persons.${i}.vNumber`) ? ` ${mode}-v-${i}-err` : ""}`}
                />
                <p id={`${mode}-v-${i}-hint`} className="text-sm text-gray-700">
                  {t("vNumberHint")}
                </p>
                {fieldErr(`persons.${i}.vNumber`) ? (
                  <p id={`${mode}-v-${i}-err`} className="field-error">
                    {err?.code === "booking_cap_v_number" ? t("capVNumber") : t("vNumberInvalid")}
                  </p>
                ) : null}
              </div>
            </fieldset>
          ))}
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={`${mode}-email`} className="label">
                {mode === "agent" ? t("emailOptional") : t("email")}
              </label>
              <input
                id={`${mode}-email`}
                type="email"
                className="input"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={fieldErr("email") ? true : undefined}
                aria-describedby={fieldErr("email") ? `${mode}-email-err` : undefined}
              />
              {fieldErr("email") ? (
                <p id={`${mode}-email-err`} className="field-error">
                  {err?.code === "booking_cap_email" ? t("capEmail") : t("emailInvalid")}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor={`${mode}-phone`} className="label">
                {mode === "agent" ? t("phoneOrEmail") : t("phoneOptional")}
              </label>
              <input
                id={`${mode}-phone`}
                type="tel"
                className="input"
                autoComplete="tel"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                aria-invalid={fieldErr("phone") ? true : undefined}
                aria-describedby={fieldErr("phone") ? `${mode}-phone-err` : undefined}
              />
              {fieldErr("phone") ? (
                <p id={`${mode}-phone-err`} className="field-error">
                  {err?.code === "booking_cap_phone" ? t("capPhone") : t("phoneInvalid")}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor={`${mode}-lang`} className="label">
                {t("mailLanguage")}
              </label>
              <select id={`${mode}-lang`} className="input" value={language} onChange={(e) => setLanguage(e.target.value as "nl" | "en")}>
                <option value="nl">Nederlands</option>
                <option value="en">English</option>
              </select>
            </div>
          </div>
          <p className="mt-4">
            <button type="submit" className="btn" disabled={book.isPending} data-testid="book-submit">
              {t("book")}
            </button>
          </p>
        </section>
      ) : null}
      {/* One polite live region for the hold and the booking: "even geduld…" while a challenge is solved. */}
      <ChallengeStatus busy={hold.isPending || book.isPending} />
    </form>
  );
}
