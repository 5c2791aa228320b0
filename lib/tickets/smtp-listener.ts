import "server-only";

/**
 * The inbound SMTP listener (spec 02), started by the worker on SMTP_PORT. Returns a stop function, or
 * null when SMTP_PORT is 0. Filled in by the tickets capability.
 */
export async function startSmtpListener(): Promise<null | (() => Promise<void>)> {
  return null;
}
