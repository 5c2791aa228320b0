"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({
    mutationFn: () => apiFetch("/api/v1/auth/login", { method: "POST", body: { email, password } }),
    onSuccess: () => {
      window.location.assign(next);
    },
  });
  const err = login.error instanceof ApiError ? login.error : null;
  const message = err?.status === 429 ? t("rateLimited", { seconds: err.retryAfter ?? 60 }) : err ? t("invalid") : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        login.mutate();
      }}
      id="login-form"
      className="space-y-4"
      noValidate
    >
      <div>
        <label htmlFor="email" className="label">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="input"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-describedby={message ? "login-error" : undefined}
        />
      </div>
      <div>
        <label htmlFor="password" className="label">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="input"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {message ? (
        <p id="login-error" role="alert" className="field-error">
          {message}
        </p>
      ) : null}
      <button type="submit" className="btn" disabled={login.isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
