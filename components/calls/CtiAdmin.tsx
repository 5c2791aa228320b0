"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";

type Mapping = { kind: "number" | "queue_name"; pattern: string; queue: string };
type Topic = { key: string; labelNl: string; labelEn: string; active: boolean };
type Agent = { id: string; name: string; email: string; role: string; extension: string | null };
type Data = { token: string; tokenFromEnv: boolean; webhookUrl: string; mappings: Mapping[]; topics: Topic[]; agents: Agent[] };
const QUEUES = ["frontdesk", "backoffice", "partners"] as const;

/** Telephony admin: the CTI webhook URL, the queue mapping, the topic list and the agents' extensions. */
export function CtiAdmin() {
  const t = useTranslations("calls");
  const data = useQuery({ queryKey: ["admin", "cti"], queryFn: () => apiFetch<Data>("/api/v1/admin/cti") });
  return (
    <>
      <h1>{t("admin.title")}</h1>
      {data.data ? (
        <>
          <section aria-labelledby="cti-webhook" className="card mb-8">
            <h2 id="cti-webhook">{t("admin.webhook")}</h2>
            <p className="mb-2">{t("admin.webhookIntro")}</p>
            <p className="font-semibold">{t("admin.webhookUrl")}</p>
            <code className="block break-all rounded bg-gray-100 p-2" data-testid="cti-webhook-url">
              {data.data.webhookUrl}
            </code>
            <p className="mt-2 text-sm text-gray-700">{data.data.tokenFromEnv ? t("admin.tokenFromEnv") : t("admin.tokenGenerated")}</p>
          </section>
          <Mappings initial={data.data.mappings} />
          <Topics initial={data.data.topics} />
          <Extensions agents={data.data.agents} />
        </>
      ) : null}
    </>
  );
}

/**
 * A list edited in place and saved whole with one PUT (`{ [key]: rows }`): the rows, a row update, the
 * save with its status and per-field errors, and the form's submit handler.
 */
function useListEditor<T>(initial: T[], opts: { url: string; key: string; invalidate: string[][] }) {
  const t = useTranslations("calls");
  const qc = useQueryClient();
  const [rows, setRows] = useState(initial);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setRows(initial), [initial]);
  const save = useMutation({
    mutationFn: () => apiFetch(opts.url, { method: "PUT", body: { [opts.key]: rows } }),
    onSuccess: () => {
      setStatus(t("admin.saved"));
      for (const queryKey of opts.invalidate) qc.invalidateQueries({ queryKey });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const upd = (i: number, patch: Partial<T>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setStatus(null);
    save.mutate();
  };
  return { rows, setRows, upd, save, status, fields, onSubmit };
}

/** Under a list editor: add a row, save, and what the save said. */
function ListEditorActions({
  editor,
  addLabel,
  onAdd,
}: {
  editor: Pick<ReturnType<typeof useListEditor>, "save" | "status" | "fields">;
  addLabel: string;
  onAdd: () => void;
}) {
  const t = useTranslations("calls");
  const { save, status, fields } = editor;
  return (
    <div className="mt-3 flex items-center gap-3">
      <button type="button" className="btn-secondary" onClick={onAdd}>
        {addLabel}
      </button>
      <button type="submit" className="btn" disabled={save.isPending}>
        {t("admin.save")}
      </button>
      <p role="status" aria-live="polite" className="font-semibold text-ok">
        {status}
      </p>
      {save.error && !Object.keys(fields).length ? (
        <p role="alert" className="field-error">
          {save.error.message}
        </p>
      ) : null}
    </div>
  );
}

function Mappings({ initial }: { initial: Mapping[] }) {
  const t = useTranslations("calls");
  const editor = useListEditor(initial, { url: "/api/v1/admin/cti/mappings", key: "mappings", invalidate: [["admin", "cti"]] });
  const { rows, setRows, upd, fields } = editor;
  return (
    <section aria-labelledby="cti-mappings" className="card mb-8">
      <h2 id="cti-mappings">{t("admin.mappings")}</h2>
      <p className="mb-2">{t("admin.mappingsIntro")}</p>
      <form onSubmit={editor.onSubmit}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.kind")}</th>
              <th scope="col">{t("admin.pattern")}</th>
              <th scope="col">{t("fields.queue")}</th>
              <th scope="col">
                <span className="sr-only">{t("admin.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <select
                    aria-label={`${t("admin.kind")} ${i + 1}`}
                    className="input py-1"
                    value={r.kind}
                    onChange={(e) => upd(i, { kind: e.target.value as Mapping["kind"] })}
                  >
                    <option value="number">{t("admin.kinds.number")}</option>
                    <option value="queue_name">{t("admin.kinds.queue_name")}</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`${t("admin.pattern")} ${i + 1}`}
                    className="input py-1"
                    value={r.pattern}
                    onChange={(e) => upd(i, { pattern: e.target.value })}
                    aria-invalid={fields[`mappings.${i}.pattern`] ? true : undefined}
                    aria-describedby={fields[`mappings.${i}.pattern`] ? `map-${i}-err` : undefined}
                  />
                  {fields[`mappings.${i}.pattern`] ? (
                    <p id={`map-${i}-err`} className="field-error">
                      {fields[`mappings.${i}.pattern`]}
                    </p>
                  ) : null}
                </td>
                <td>
                  <select
                    aria-label={`${t("fields.queue")} ${i + 1}`}
                    className="input py-1"
                    value={r.queue}
                    onChange={(e) => upd(i, { queue: e.target.value })}
                  >
                    {QUEUES.map((q) => (
                      <option key={q} value={q}>
                        {t(`queues.${q}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button type="button" className="btn-secondary px-2 py-1 text-sm" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                    {t("admin.remove")}
                    <span className="sr-only"> {t("admin.removeRow", { n: i + 1 })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEditorActions
          editor={editor}
          addLabel={t("admin.addMapping")}
          onAdd={() => setRows([...rows, { kind: "number", pattern: "", queue: "frontdesk" }])}
        />
      </form>
    </section>
  );
}

function Topics({ initial }: { initial: Topic[] }) {
  const t = useTranslations("calls");
  const editor = useListEditor(initial, {
    url: "/api/v1/admin/cti/topics",
    key: "topics",
    invalidate: [
      ["admin", "cti"],
      ["calls", "meta"],
    ],
  });
  const { rows, setRows, upd, fields } = editor;
  return (
    <section aria-labelledby="cti-topics" className="card mb-8">
      <h2 id="cti-topics">{t("admin.topics")}</h2>
      <form onSubmit={editor.onSubmit}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.topicKey")}</th>
              <th scope="col">{t("admin.labelNl")}</th>
              <th scope="col">{t("admin.labelEn")}</th>
              <th scope="col">{t("admin.active")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {(["key", "labelNl", "labelEn"] as const).map((f) => (
                  <td key={f}>
                    <input
                      aria-label={`${t(f === "key" ? "admin.topicKey" : f === "labelNl" ? "admin.labelNl" : "admin.labelEn")} ${i + 1}`}
                      className="input py-1"
                      value={r[f]}
                      onChange={(e) => upd(i, { [f]: e.target.value })}
                      aria-invalid={fields[`topics.${i}.${f}`] ? true : undefined}
                      aria-describedby={fields[`topics.${i}.${f}`] ? `topic-${i}-${f}-err` : undefined}
                    />
                    {fields[`topics.${i}.${f}`] ? (
                      <p id={`topic-${i}-${f}-err`} className="field-error">
                        {fields[`topics.${i}.${f}`]}
                      </p>
                    ) : null}
                  </td>
                ))}
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t("admin.active")} ${i + 1}`}
                    checked={r.active}
                    onChange={(e) => upd(i, { active: e.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEditorActions
          editor={editor}
          addLabel={t("admin.addTopic")}
          onAdd={() => setRows([...rows, { key: "", labelNl: "", labelEn: "", active: true }])}
        />
      </form>
    </section>
  );
}

function Extensions({ agents }: { agents: Agent[] }) {
  const t = useTranslations("calls");
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: ({ id, extension }: { id: string; extension: string }) =>
      apiFetch(`/api/v1/admin/users/${id}`, { method: "PATCH", body: { extension: extension || null } }),
    onSuccess: () => {
      setStatus(t("admin.saved"));
      qc.invalidateQueries({ queryKey: ["admin", "cti"] });
    },
  });
  return (
    <section aria-labelledby="cti-ext" className="card mb-8">
      <h2 id="cti-ext">{t("admin.extensions")}</h2>
      <p className="mb-2">{t("admin.extensionsIntro")}</p>
      <p role="status" aria-live="polite" className="font-semibold text-ok">
        {status}
      </p>
      {save.error ? (
        <p role="alert" className="field-error">
          {save.error.message}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("fields.email")}</th>
            <th scope="col">{t("admin.extension")}</th>
            <th scope="col">
              <span className="sr-only">{t("admin.saveExtension")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.email}</td>
              <td>
                <input
                  aria-label={t("admin.extensionOf", { name: a.name })}
                  className="input py-1"
                  value={values[a.id] ?? a.extension ?? ""}
                  onChange={(e) => setValues({ ...values, [a.id]: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn-secondary px-2 py-1 text-sm"
                  onClick={() => {
                    setStatus(null);
                    save.mutate({ id: a.id, extension: values[a.id] ?? a.extension ?? "" });
                  }}
                >
                  {t("admin.saveExtension")}
                  <span className="sr-only"> {t("admin.saveExtensionOf", { name: a.name })}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
