"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => apiFetch("/api/v1/auth/password", { method: "POST", body: { currentPassword, newPassword } }),
    onSuccess: () => window.location.assign("/agent"),
  });
  const err = change.error instanceof ApiError ? change.error : null;
  const currentErr = err?.fields.currentPassword
    ? t("wrongCurrent")
    : err?.status === 429
      ? t("rateLimited", { seconds: err.retryAfter ?? 60 })
      : null;
  const newErr = mismatch ? t("mismatch") : err?.fields.newPassword ? t("tooWeak") : null;
  const otherErr = err && !currentErr && !newErr ? t("failed") : null;
  return (
    <form
      id="password-form"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const bad = newPassword !== repeat;
        setMismatch(bad);
        if (!bad) change.mutate();
      }}
    >
      <div>
        <label htmlFor="pw-current" className="label">
          {t("current")}
        </label>
        <input
          id="pw-current"
          type="password"
          autoComplete="current-password"
          required
          className="input"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          aria-invalid={!!currentErr}
          aria-describedby={currentErr ? "pw-current-err" : undefined}
        />
        {currentErr ? (
          <p id="pw-current-err" className="field-error" role="alert">
            {currentErr}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="pw-new" className="label">
          {t("new")}
        </label>
        <p id="pw-new-hint" className="text-sm text-gray-700">
          {t("hint")}
        </p>
        <input
          id="pw-new"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          className="input"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          aria-invalid={!!newErr}
          aria-describedby={newErr ? "pw-new-hint pw-new-err" : "pw-new-hint"}
        />
        {newErr ? (
          <p id="pw-new-err" className="field-error" role="alert">
            {newErr}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="pw-repeat" className="label">
          {t("repeat")}
        </label>
        <input
          id="pw-repeat"
          type="password"
          autoComplete="new-password"
          required
          className="input"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </div>
      {otherErr ? (
        <p className="field-error" role="alert">
          {otherErr}
        </p>
      ) : null}
      <button type="submit" className="btn" disabled={change.isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
