import "server-only";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { env } from "@/lib/env";
import { ingestEmail, mailboxFor, MAX_MESSAGE_BYTES } from "./intake";
import { logger } from "@/lib/platform/logger";

/**
 * The inbound SMTP listener (spec 02), started by the worker on SMTP_PORT (0 = off). Accepts only the
 * configured mailboxes (550 at RCPT for others), refuses mail over 25 MB (552), and answers 250 only after
 * the raw message, its ticket and its message row are committed (lib/tickets/intake.ts). A failure to store
 * answers 451 so that the sending server tries again: nothing is dropped.
 */
export async function startSmtpListener(opts: { port?: number; host?: string } = {}): Promise<null | (() => Promise<void>)> {
  const port = opts.port ?? env().SMTP_PORT;
  if (!port) return null;
  const server = createSmtpServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, opts.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (e) => logger.error({ err: e, component: "smtp" }, "SMTP listener error"));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

export function createSmtpServer(): SMTPServer {
  const options: SMTPServerOptions = {
    name: "kic-intake",
    banner: "IND KIC mail intake",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
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
        ingestEmail(raw, { to: session.envelope.rcptTo.map((r) => r.address), from })
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
