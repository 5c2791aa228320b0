"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ChallengeStatus } from "@/components/ChallengeStatus";
import { Button, Card, ErrorSummary, Heading, LiveRegion, SelectField, TextField } from "@/components/ui";
import { productsEndpoint, slotAlertEndpoint } from "@/lib/appointments/contract";
import { useEndpointMutation, useEndpointQuery } from "@/lib/client/endpoint";
import { useFormErrors } from "@/lib/client/form-errors";

const idOf = (field: string) => `al-${field}`;

/** "Tell me when an earlier slot opens" (double opt-in: the API sends a confirmation email first). */
export function SlotAlertForm() {
  const t = useTranslations("appointments");
  const locale = useLocale() as "nl" | "en";
  const products = useEndpointQuery(productsEndpoint, {});
  const [v, setV] = useState({ email: "", product: "BIO", persons: 1, before: "" });
  const create = useEndpointMutation(slotAlertEndpoint);
  const errors = useFormErrors(create.error, { idOf, order: ["email", "product", "persons", "before"] });
  return (
    <Card labelledBy="alert-title" className="mt-8">
      <Heading level={2} id="alert-title">
        {t("alertTitle")}
      </Heading>
      <p className="mb-2">{t("alertIntro")}</p>
      <ErrorSummary items={errors.summary} general={errors.general} focusKey={create.error} id="al-error-summary" />
      <form
        className="grid gap-3 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ body: { ...v, desks: "ALL", language: locale } });
        }}
      >
        <TextField
          id="al-email"
          type="email"
          label={t("email")}
          autoComplete="email"
          value={v.email}
          onChange={(e) => setV({ ...v, email: e.target.value })}
          error={errors.field("email")}
        />
        <SelectField
          id="al-product"
          label={t("product")}
          value={v.product}
          onChange={(e) => setV({ ...v, product: e.target.value })}
          error={errors.field("product")}
          options={(products.data ?? []).map((p) => ({ value: p.key, label: locale === "en" ? p.name.en : p.name.nl }))}
        />
        <SelectField
          id="al-persons"
          label={t("personsCount")}
          value={v.persons}
          onChange={(e) => setV({ ...v, persons: Number(e.target.value) })}
          error={errors.field("persons")}
          options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: n, label: String(n) }))}
        />
        <TextField
          id="al-before"
          type="date"
          label={t("alertBefore")}
          value={v.before}
          onChange={(e) => setV({ ...v, before: e.target.value })}
          error={errors.field("before")}
        />
        <div>
          <Button type="submit" busy={create.isPending}>
            {t("alertSubmit")}
          </Button>
        </div>
      </form>
      <LiveRegion type="ok" message={create.isSuccess ? t("alertCreated") : null} className="mt-2" />
      <ChallengeStatus busy={create.isPending} />
    </Card>
  );
}
