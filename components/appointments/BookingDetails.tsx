"use client";
import { useTranslations } from "next-intl";
import { Button, Card, Heading, SelectField, TextField } from "@/components/ui";
import type { Language } from "@/lib/appointments/contract";
import type { FormErrors } from "@/lib/client/form-errors";

export type Details = { names: string[]; vNumbers: string[]; email: string; phone: string; language: Language };

/** Step 6: a name (and V-number) per person, the contact details, the email's language; then "book". */
export function BookingDetails({
  mode,
  persons,
  value,
  onChange,
  errors,
  busy,
}: {
  mode: "public" | "agent";
  persons: number;
  value: Details;
  onChange: (d: Details) => void;
  errors: FormErrors;
  busy: boolean;
}) {
  const t = useTranslations("appointments");
  const setAt = (list: "names" | "vNumbers", i: number, v: string) =>
    onChange({ ...value, [list]: value[list].map((x, j) => (j === i ? v : x)) });
  return (
    <Card labelledBy="step-details">
      <Heading level={2} id="step-details">
        {t("stepDetails")}
      </Heading>
      {Array.from({ length: persons }, (_, i) => (
        <fieldset key={i} className="mb-4 grid gap-3 sm:grid-cols-2">
          <legend className="font-semibold">{t("personN", { n: i + 1 })}</legend>
          <TextField
            id={`${mode}-name-${i}`}
            label={t("name")}
            autoComplete={i === 0 ? "name" : "off"}
            required
            value={value.names[i] ?? ""}
            onChange={(e) => setAt("names", i, e.target.value)}
            error={errors.field(`persons.${i}.name`) ?? (i === 0 ? errors.field("persons") : undefined)}
          />
          <TextField
            id={`${mode}-v-${i}`}
            label={t("vNumber")}
            hint={t("vNumberHint")}
            inputMode="numeric"
            value={value.vNumbers[i] ?? ""}
            onChange={(e) => setAt("vNumbers", i, e.target.value)}
            error={errors.field(`persons.${i}.vNumber`)}
          />
        </fieldset>
      ))}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id={`${mode}-email`}
          type="email"
          label={mode === "agent" ? t("emailOptional") : t("email")}
          autoComplete="email"
          value={value.email}
          onChange={(e) => onChange({ ...value, email: e.target.value })}
          error={errors.field("email")}
        />
        <TextField
          id={`${mode}-phone`}
          type="tel"
          label={mode === "agent" ? t("phoneOrEmail") : t("phoneOptional")}
          autoComplete="tel"
          value={value.phone}
          onChange={(e) => onChange({ ...value, phone: e.target.value })}
          error={errors.field("phone")}
        />
        <SelectField
          id={`${mode}-lang`}
          label={t("mailLanguage")}
          value={value.language}
          onChange={(e) => onChange({ ...value, language: e.target.value as Language })}
          options={[
            { value: "nl", label: "Nederlands" },
            { value: "en", label: "English" },
          ]}
        />
      </div>
      <p className="mt-4">
        <Button type="submit" variant="primary" busy={busy} data-testid="book-submit">
          {t("book")}
        </Button>
      </p>
    </Card>
  );
}
