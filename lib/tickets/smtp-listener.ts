import "server-only";
import fs from "node:fs";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { env } from "@/lib/env";
import { ingestEmail, mailboxFor, MAX_MESSAGE_BYTES } from "./intake";
import { logger } from "@/lib/platform/logger";

export type SmtpListenerOptions = {
  port?: number;
  /** Default SMTP_HOST (127.0.0.1): only the front MTA on this machine (or a tunnel) reaches it. */
  host?: string;
  /** Default SMTP_MAX_CLIENTS: clients beyond it get 421 and the connection is closed. */
  maxClients?: number;
  /** PEM certificate and key (default: the files SMTP_TLS_CERT / SMTP_TLS_KEY); with them STARTTLS is offered. */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** Default SMTP_AUTHSERV_ID: whose Authentication-Results are recorded (lib/tickets/auth-results.ts). */
  authservId?: string | null;
};

/**
 * The inbound SMTP listener (spec 02), started by the worker on SMTP_PORT (0 = off). Accepts only the
 * configured mailboxes (550 at RCPT for others), refuses mail over 25 MB (552), and answers 250 only after
 * the raw message, its ticket and its message row are committed (lib/tickets/intake.ts). A failure to store
 * answers 451 so that the sending server tries again: nothing is dropped.
 * Issue 11: it binds 127.0.0.1 unless SMTP_HOST says otherwise, serves at most SMTP_MAX_CLIENTS clients at
 * once, and offers STARTTLS when a certificate is configured.
 */
export async function startSmtpListener(opts: SmtpListenerOptions = {}): Promise<null | (() => Promise<void>)> {
  const port = opts.port ?? env().SMTP_PORT;
  if (!port) return null;
  const server = createSmtpServer(opts);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, opts.host ?? env().SMTP_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (e) => logger.error({ err: e, component: "smtp" }, "SMTP listener error"));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The certificate configured by SMTP_TLS_CERT / SMTP_TLS_KEY, read at start (a missing file stops the start). */
function configuredTls(): { cert: Buffer; key: Buffer } | null {
  const e = env();
  if (!e.SMTP_TLS_CERT || !e.SMTP_TLS_KEY) return null;
  const read = (name: "SMTP_TLS_CERT" | "SMTP_TLS_KEY", file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (err) {
      throw new Error(`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  return { cert: read("SMTP_TLS_CERT", e.SMTP_TLS_CERT), key: read("SMTP_TLS_KEY", e.SMTP_TLS_KEY) };
}

export function createSmtpServer(opts: SmtpListenerOptions = {}): SMTPServer {
  const tls = opts.tls === undefined ? configuredTls() : opts.tls;
  const authservId = opts.authservId === undefined ? (env().SMTP_AUTHSERV_ID ?? null) : opts.authservId;
  const options: SMTPServerOptions = {
    name: "kic-intake",
    banner: "IND KIC mail intake",
    authOptional: true,
    // No AUTH: the listener is a relay target, not a submission server. STARTTLS only with a certificate.
    disabledCommands: tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    maxClients: opts.maxClients ?? env().SMTP_MAX_CLIENTS,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!mailboxFor([address.address])) {
        const err = new Error(`5.1.1 <${address.address}>: no such mailbox here`) as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on("data", (c: Buffer) => {
        bytes += c.length;
        if (bytes <= MAX_MESSAGE_BYTES) chunks.push(c);
      });
      stream.on("error", (e) => callback(e));
      stream.on("end", () => {
        if (stream.sizeExceeded || bytes > MAX_MESSAGE_BYTES) {
          const err = new Error("5.3.4 Message too big (limit 25 MB)") as Error & { responseCode: number };
          err.responseCode = 552;
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
        ingestEmail(raw, { to: session.envelope.rcptTo.map((r) => r.address), from, authservId })
          .then((r) => callback(null, r.ticketNumber ? `Stored as KIC-${r.ticketNumber}` : "Stored"))
          .catch((e: Error) => {
            logger.error({ err: e, component: "smtp" }, "could not store an inbound message");
            const err = new Error("4.3.0 Temporary failure storing the message, try again later") as Error & { responseCode: number };
            err.responseCode = 451;
            callback(err);
          });
      });
    },
  };
  return new SMTPServer(options);
}
