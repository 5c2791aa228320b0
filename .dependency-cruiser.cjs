/**
 * The dependency rules of the layout (README, "For developers"). `npm run lint:deps` checks them; zero
 * findings is the bar.
 */
/**
 * Capability modules: other code reaches them only through their public faces — lib/<capability>/index.ts
 * (server side), and lib/<capability>/contract.ts, the client-safe half (declared endpoints, zod only), which
 * components import because they may not reach index.ts's server code (issue 13: "or a small set of entry
 * files").
 */
const FACE = "(?!(index|contract)\\.ts$)";
const CAPABILITIES = ["appointments", "tickets", "calls", "complaints", "dashboards", "privacy", "customers", "workforce", "satisfaction"];
const cap = `(${CAPABILITIES.join("|")})`;

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles hide the real order of a module's dependencies.",
      from: {},
      to: { circular: true },
    },
    {
      name: "db-imports-no-lib",
      severity: "error",
      comment: "db/ holds the schema, migrations, the client and the launcher; the domain builds on it, not the other way.",
      from: { path: "^db/" },
      to: { path: "^lib/" },
    },
    {
      name: "capability-public-face",
      severity: "error",
      comment: "Another capability imports a capability only through lib/<capability>/index.ts.",
      from: { path: "^lib/([^/]+)/" },
      to: { path: `^lib/${cap}/${FACE}`, pathNot: "^lib/$1/" },
    },
    {
      // Added with the composition root (issue 13): lib/server.ts is in lib/ but in no folder, so the rule above
      // does not see it; it may import every capability, but only through their faces like everyone else.
      name: "composition-root-uses-public-face",
      severity: "error",
      comment: "The composition root (lib/server.ts) registers what capabilities export from lib/<capability>/index.ts.",
      from: { path: "^lib/[^/]+\\.ts$" },
      to: { path: `^lib/${cap}/(?!index\\.ts$)` },
    },
    {
      name: "routes-use-public-face",
      severity: "error",
      comment: "Routes, pages, components, jobs and scripts import a capability only through lib/<capability>/index.ts.",
      from: { pathNot: "^lib/" },
      to: { path: `^lib/${cap}/${FACE}` },
    },
    {
      name: "platform-imports-no-capability",
      severity: "error",
      comment: "The platform serves every capability; capabilities register with it (customer history, jobs) instead.",
      from: { path: "^lib/(platform|api|auth|mail|jobs|calendar|i18n|client)/" },
      to: { path: `^lib/${cap}/` },
    },
    {
      name: "client-imports-no-server-code",
      severity: "error",
      comment: "Components render in the browser: nothing they import may reach server-only code or the database.",
      from: { path: "^components/" },
      to: { path: ["node_modules/server-only", "^db/client\\.ts$"], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|node_modules|data|test-results|bench/out)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
