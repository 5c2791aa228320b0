import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";

/**
 * The one way a request body is read: with a byte cap. A declared Content-Length over the cap is refused
 * before a byte is read; a body without one (chunked) is counted while it streams and refused at the cap.
 * The refusal is the API's 413 in the error shape. Limits (README, "Request size limits"):
 */
export const BODY_LIMITS = {
  /** JSON and form bodies of every API route (parseBody). */
  json: 1024 * 1024,
  /** The complaint form with its attachments (5 files of at most 10 MB each, 25 MB together). */
  complaintForm: 25 * 1024 * 1024,
  /** A raw MIME message posted to /api/v1/inbound-email (the same 25 MB as the SMTP listener). */
  inboundEmail: 25 * 1024 * 1024,
  /** The legacy complaints CSV import. */
  complaintsCsv: 20 * 1024 * 1024,
  /** A queue_log import, streamed: a year of the KIC's calls is a few hundred MB. */
  queueLog: 1024 * 1024 * 1024,
  /** One CTI event (JSON or form). */
  ctiEvent: 64 * 1024,
} as const;

/**
 * After the cap is passed, the rest of the body is read and thrown away (up to this much) before the 413 is
 * sent: a server that answers while the client is still sending makes most clients see a reset connection
 * instead of the answer. Beyond this the request is cut off.
 */
const DRAIN_LIMIT = 32 * 1024 * 1024;

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} kB`);

export function tooLarge(limit: number, field?: string): AppError {
  const message = `The request body is larger than ${mb(limit)}`;
  return new AppError(413, "too_large", message, field ? { [field]: `larger than ${mb(limit)} in total` } : undefined);
}

/** 413 when the declared Content-Length is over the cap (nothing read). */
export function checkDeclaredLength(contentLength: string | null | undefined, limit: number, field?: string): void {
  if (contentLength && Number(contentLength) > limit) throw tooLarge(limit, field);
}

/** The whole body as bytes, at most `limit` of them. */
export async function readBodyCapped(req: Request, limit: number, opts: { field?: string } = {}): Promise<Uint8Array> {
  checkDeclaredLength(req.headers.get("content-length"), limit, opts.field);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, size);
      throw tooLarge(limit, opts.field);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function readTextCapped(req: Request, limit: number, opts: { field?: string } = {}): Promise<string> {
  return new TextDecoder().decode(await readBodyCapped(req, limit, opts));
}

/** multipart/form-data or urlencoded, parsed from at most `limit` bytes. */
export async function readFormCapped(req: Request, limit: number, opts: { field?: string } = {}): Promise<FormData> {
  const bytes = await readBodyCapped(req, limit, opts);
  return new Response(bytes as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number): Promise<void> {
  let size = already;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > DRAIN_LIMIT) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    /* the client went away */
  }
}

/**
 * A streamed body with a total cap, for imports that never hold the whole body: passes the chunks on and
 * fails the stream with the 413 once the total passes `limit` (the consumer's error path answers it).
 */
export function cappedStream(req: Request, limit: number): ReadableStream<Uint8Array> {
  checkDeclaredLength(req.headers.get("content-length"), limit);
  const source = req.body!;
  let size = 0;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** For plain Node handlers (the CTI Pages route): the same cap on an IncomingMessage. */
export async function readNodeBodyCapped(req: IncomingMessage, limit: number): Promise<Buffer> {
  checkDeclaredLength(req.headers["content-length"], limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else if (size > DRAIN_LIMIT) {
      req.destroy();
      break;
    }
  }
  if (size > limit) throw tooLarge(limit);
  return Buffer.concat(chunks);
}
