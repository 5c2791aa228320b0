// ESLint (flat config): Next's rules (core web vitals: react, react-hooks, jsx-a11y, import), typescript-eslint
// strict, and the few project rules that keep the structure (README, "For developers").
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "bench/out/**",
      "next-env.d.ts",
      "db/migrations/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.strict,
  {
    rules: {
      // Unused names are mistakes, except a deliberate `_` prefix.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Dynamic import() only where a module is optional at run time, never to dodge an import cycle
      // (dependency-cruiser forbids the cycles themselves).
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression", message: "Import statically; a dynamic import() hides cycles (see .dependency-cruiser.cjs)." },
      ],
    },
  },
  {
    // Scripts, tests and benchmarks may load modules lazily (start order, child processes).
    // instrumentation.ts: Next's documented pattern loads Node-only code in register() by a runtime-guarded import.
    files: ["scripts/**", "tests/**", "bench/**", "e2e/**", "**/*.test.ts", "*.config.*", "instrumentation.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
