import pino from "pino";

/**
 * The one structured logger of the app (web, worker, start script): JSON lines on stdout, level from
 * LOG_LEVEL. Nothing personal goes into a log line (house rule, AVG): the keys below are redacted wherever
 * they appear up to three levels deep, and errors are serialised without the SQL parameters drizzle puts in
 * its messages (`Failed query: … params: …`). Per request, `requestLogger(id)` gives a child carrying the
 * request id the server assigned (X-Request-Id), so a user's report can be matched to the log.
 *
 * No "server-only" marker: the Pages API route (CTI), the worker and scripts import it too. The level is
 * read from the environment directly (not lib/env.ts) so that logging never fails on a bad variable.
 */
const PERSONAL = [
  "email",
  "emails",
  "from",
  "to",
  "toAddress",
  "phone",
  "fromNumber",
  "name",
  "complainantName",
  "customerName",
  "password",
  "passwordHash",
  "body",
  "text",
  "html",
  "textBody",
  "htmlBody",
  "description",
  "subject",
  "params",
  "parameters",
  "authorization",
  "cookie",
  "set-cookie",
  "token",
];

/** `email`, `*.email`, `*.*.email` and `*.*.*.email` for each key: pino's redaction has no deep wildcard. */
const paths = PERSONAL.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const dot = key.startsWith("[") ? "" : ".";
  return [key, `*${dot}${key}`, `*.*${dot}${key}`, `*.*.*${dot}${key}`];
});

/** Error → loggable object: name, message without SQL parameters, the Postgres code, the stack's first frames. */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { value: typeof err === "string" ? err.slice(0, 200) : typeof err };
  const e = err as Error & { code?: string; cause?: unknown; query?: string };
  const out: Record<string, unknown> = { type: e.name, message: stripParams(e.message) };
  if (typeof e.code === "string") out.code = e.code;
  if (typeof e.query === "string") out.query = e.query.slice(0, 500);
  // Only the frames: the stack's head repeats the message, SQL parameters included.
  if (e.stack)
    out.stack = e.stack
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("at "))
      .slice(0, 8)
      .join("\n");
  if (e.cause) out.cause = serializeError(e.cause);
  return out;
}

/** Drizzle's `Failed query: <sql>\nparams: <values>`: keep the SQL, drop the values. */
function stripParams(message: string): string {
  const i = message.indexOf("\nparams:");
  return i >= 0 ? `${message.slice(0, i)}\nparams: [redacted]` : message;
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const level = LEVELS.includes(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL! : "info";

const g = globalThis as unknown as { __kicLogger?: pino.Logger };

/** The logger's configuration; `destination` for tests. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    redact: { paths, censor: "[redacted]" },
    serializers: { err: serializeError, error: serializeError },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger: pino.Logger = g.__kicLogger ?? (g.__kicLogger = createLogger());

/** A child logger for one request (the id the server put in `x-request-id`). */
export function requestLogger(requestId: string | null | undefined): pino.Logger {
  return requestId ? logger.child({ reqId: requestId }) : logger;
}
