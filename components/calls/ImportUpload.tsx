"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

type Result = {
  linesRead: number;
  callsCreated: number;
  callsUpdated: number;
  linesRejected: number;
  rejected: { line: number; reason: string }[];
};

/** Upload of an Asterisk queue_log with a progress bar (XMLHttpRequest reports upload progress; fetch does not). */
export function ImportUpload() {
  const t = useTranslations("calls");
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<"idle" | "uploading" | "processing" | "done">("idle");
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = (file: File) => {
    setError(null);
    setResult(null);
    setProgress(0);
    setPhase("uploading");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/calls/import?format=asterisk-queue-log");
    xhr.setRequestHeader("content-type", "text/plain");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = () => {
      setProgress(100);
      setPhase("processing");
    };
    xhr.onload = () => {
      setPhase("done");
      try {
        const json = JSON.parse(xhr.responseText);
        if (xhr.status >= 400) setError(json?.error?.message ?? xhr.statusText);
        else setResult(json);
      } catch {
        setError(xhr.statusText || "error");
      }
    };
    xhr.onerror = () => {
      setPhase("done");
      setError(t("import.title"));
    };
    xhr.send(file);
  };

  return (
    <>
      <h1>{t("import.title")}</h1>
      <p className="mb-4 max-w-3xl">{t("import.intro")}</p>
      <form
        className="card mb-6 space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = fileRef.current?.files?.[0];
          if (f) upload(f);
        }}
      >
        <div>
          <label htmlFor="ql-file" className="label">
            {t("import.file")}
          </label>
          <input ref={fileRef} id="ql-file" type="file" className="input" required />
        </div>
        <button type="submit" className="btn" disabled={phase === "uploading" || phase === "processing"}>
          {t("import.upload")}
        </button>
        {progress !== null ? (
          <div>
            <label htmlFor="ql-progress" className="label">
              {t("import.progress")}
            </label>
            <progress id="ql-progress" className="w-full" max={100} value={progress}>
              {progress}%
            </progress>
          </div>
        ) : null}
      </form>
      <div role="status" aria-live="polite">
        {phase === "processing" ? <p>{t("import.processing")}</p> : null}
        {result ? <p className="font-semibold text-ok">{t("import.done")}</p> : null}
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      {result ? (
        <>
          <dl className="card my-4 grid max-w-md grid-cols-[1fr_auto] gap-x-4 gap-y-1" data-testid="import-result">
            <dt>{t("import.linesRead")}</dt>
            <dd>{result.linesRead}</dd>
            <dt>{t("import.callsCreated")}</dt>
            <dd>{result.callsCreated}</dd>
            <dt>{t("import.callsUpdated")}</dt>
            <dd>{result.callsUpdated}</dd>
            <dt>{t("import.linesRejected")}</dt>
            <dd>{result.linesRejected}</dd>
          </dl>
          {result.rejected.length ? (
            <section aria-labelledby="rejected">
              <h2 id="rejected">{t("import.rejectedTitle")}</h2>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("import.line")}</th>
                    <th scope="col">{t("import.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
