"use client";
import { useLocale, useTranslations } from "next-intl";
import { Card, Heading, RadioGroupField, SelectField } from "@/components/ui";
import type { DeskView, ProductView } from "@/lib/appointments/contract";

/** Steps 1–3 of the booking wizard: what, how many persons, which desk (or the earliest anywhere). */
export function ProductStep({
  mode,
  products,
  product,
  onChange,
}: {
  mode: string;
  products: ProductView[];
  product: string | null;
  onChange: (key: string) => void;
}) {
  const t = useTranslations("appointments");
  const locale = useLocale();
  return (
    <Card labelledBy="step-product">
      <Heading level={2} id="step-product">
        {t("stepProduct")}
      </Heading>
      <RadioGroupField
        id={`${mode}-product`}
        legend={t("stepProduct")}
        legendHidden
        value={product}
        onChange={onChange}
        options={products.map((p) => ({ value: p.key, label: locale === "en" ? p.name.en : p.name.nl }))}
      />
    </Card>
  );
}

export function PersonsStep({ mode, persons, onChange }: { mode: string; persons: number; onChange: (n: number) => void }) {
  const t = useTranslations("appointments");
  return (
    <Card labelledBy="step-persons">
      <Heading level={2} id="step-persons">
        {t("stepPersons")}
      </Heading>
      <SelectField
        id={`${mode}-persons`}
        label={t("personsCount")}
        className="max-w-32"
        value={persons}
        onChange={(e) => onChange(Number(e.target.value))}
        options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: n, label: String(n) }))}
      />
    </Card>
  );
}

export function DeskStep({
  mode,
  desks,
  desk,
  onChange,
}: {
  mode: string;
  desks: DeskView[];
  desk: string | null;
  onChange: (code: string) => void;
}) {
  const t = useTranslations("appointments");
  const locale = useLocale();
  return (
    <Card labelledBy="step-desk">
      <Heading level={2} id="step-desk">
        {t("stepDesk")}
      </Heading>
      <RadioGroupField
        id={`${mode}-desk`}
        legend={t("stepDesk")}
        legendHidden
        value={desk}
        onChange={onChange}
        options={[
          { value: "ALL", label: t("earliestAnyDesk"), strong: true },
          ...desks.map((d) => ({
            value: d.code,
            label: (
              <>
                {locale === "en" ? d.names.en : d.names.nl} <span className="text-sm text-gray-700">({d.address})</span>
              </>
            ),
          })),
        ]}
      />
    </Card>
  );
}
