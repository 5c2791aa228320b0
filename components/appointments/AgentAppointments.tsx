"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Heading, LiveRegion, Table, Tabs, Tbody, Td, TextField, Th, Thead, Tr } from "@/components/ui";
import { searchEndpoint } from "@/lib/appointments/contract";
import { useEndpointQuery } from "@/lib/client/endpoint";
import { BookingWizard } from "./BookingWizard";
import { ManageAppointment } from "./ManageAppointment";

/**
 * KIC agents: find an appointment for a caller (reference, name, email, phone, V-number), or book one. The
 * page prefetches the results of `?q=` (lib/api/prefetch.tsx), so they show at first paint.
 */
export function AgentAppointments({
  prefill,
  initialQuery,
}: {
  prefill: { name?: string; phone?: string; email?: string; callId?: string };
  initialQuery?: string;
}) {
  const t = useTranslations("appointments");
  const locale = useLocale();
  const [input, setInput] = useState(initialQuery ?? "");
  const [q, setQ] = useState(initialQuery ?? "");
  const [open, setOpen] = useState<string | null>(null);
  const [tab, setTab] = useState<"find" | "book">(prefill.name || prefill.phone || prefill.email ? "book" : "find");
  const results = useEndpointQuery(searchEndpoint, { query: { q: q.trim() } }, { enabled: q.trim().length >= 2 });
  return (
    <>
      <Heading level={1}>{t("agentTitle")}</Heading>
      <Tabs
        id="agent-appointments"
        label={t("agentTitle")}
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: "find", label: t("find") },
          { key: "book", label: t("bookForCaller") },
        ]}
      >
        {tab === "book" ? (
          <BookingWizard mode="agent" prefill={prefill} />
        ) : (
          <>
            <form
              role="search"
              className="card mb-4 flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                setQ(input);
                setOpen(null);
              }}
            >
              <TextField
                id="agent-q"
                className="min-w-64 flex-1"
                label={t("searchLabel")}
                hint={t("searchHint")}
                value={input}
                onChange={(e) => setInput(e.target.value)}
              />
              <Button type="submit" variant="primary">
                {t("search")}
              </Button>
            </form>
            <LiveRegion message={results.isFetching ? t("loading") : results.data ? t("hits", { n: results.data.length }) : null} />
            {results.data?.length ? (
              <Table caption={t("results")} captionHidden>
                <Thead>
                  <Tr>
                    <Th>{t("reference")}</Th>
                    <Th>{t("when")}</Th>
                    <Th>{t("where")}</Th>
                    <Th>{t("persons")}</Th>
                    <Th>{t("status")}</Th>
                    <Th>{t("actions")}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {results.data.map((a) => (
                    <Tr key={a.reference}>
                      <Td>{a.reference}</Td>
                      <Td>
                        {a.date} {a.startTime}
                      </Td>
                      <Td>{locale === "en" ? a.deskName.en : a.deskName.nl}</Td>
                      <Td>{a.persons.map((p) => p.name).join(", ")}</Td>
                      <Td>{t(`statuses.${a.status}`)}</Td>
                      <Td>
                        <Button variant="subtle" onClick={() => setOpen(a.reference)}>
                          {t("open")}
                          <span className="sr-only"> {a.reference}</span>
                        </Button>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : null}
            {open ? (
              <div className="mt-4">
                <ManageAppointment key={open} reference={open} onChanged={() => void results.refetch()} />
              </div>
            ) : null}
          </>
        )}
      </Tabs>
    </>
  );
}
