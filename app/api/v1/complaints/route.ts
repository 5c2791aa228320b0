import { BODY_LIMITS, readFormCapped, readTextCapped } from "@/lib/api/body";
import { apiRoute, parseQuery } from "@/lib/api/route";
import { can } from "@/lib/auth/roles";
import { AppError, badRequest, fromZod } from "@/lib/errors";
import { guardAnonymousWrite } from "@/lib/platform/bot-guard";
import { limitPublic } from "@/lib/platform/rate-limit";
import {
  agentComplaintSchema,
  fileComplaint,
  listComplaints,
  listQuerySchema,
  MAX_ATTACHMENTS,
  publicComplaintSchema,
  registerComplaint,
  type AttachmentInput,
} from "@/lib/complaints/service";

export const GET = apiRoute({ permission: "handleComplaints" }, async ({ url, actor }) =>
  listComplaints(actor, parseQuery(url, listQuerySchema)),
);

/**
 * JSON, or multipart/form-data with `attachments` files (the public form), through the capped reader: 25 MB
 * for the whole form (BODY_LIMITS.complaintForm; each file at most 10 MB, checked by the service).
 */
async function readBody(req: Request): Promise<{ fields: Record<string, unknown>; files: AttachmentInput[] }> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) {
    let form: FormData;
    try {
      form = await readFormCapped(req, BODY_LIMITS.complaintForm, { field: "attachments" });
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw badRequest("The form could not be read", { body: "not valid multipart" });
    }
    const fields: Record<string, unknown> = {};
    const files: AttachmentInput[] = [];
    for (const [k, v] of form.entries()) {
      if (typeof v === "string") fields[k] = v;
      else if (v.size > 0) {
        if (files.length >= MAX_ATTACHMENTS)
          throw badRequest(`At most ${MAX_ATTACHMENTS} attachments`, { attachments: `at most ${MAX_ATTACHMENTS} files` });
        files.push({
          filename: v.name || "attachment",
          contentType: v.type || "application/octet-stream",
          data: Buffer.from(await v.arrayBuffer()),
        });
      }
    }
    return { fields, files };
  }
  const text = await readTextCapped(req, BODY_LIMITS.json);
  try {
    return { fields: text ? JSON.parse(text) : {}, files: [] };
  } catch {
    throw badRequest("The request body is not valid JSON", { body: "not valid JSON" });
  }
}

/**
 * Public (no session, rate-limited per IP; received today) or an agent registering a complaint received
 * by letter, phone, desk or email (`channel`, `receivedOn`).
 */
export const POST = apiRoute(
  { permission: "public", maxBodyBytes: BODY_LIMITS.complaintForm, bodyField: "attachments" },
  async ({ req }) => {
    // First, before the body: anonymous writes above the threshold must bring a solved challenge (issue 11.4);
    // it returns the signed-in actor, if any.
    const actor = await guardAnonymousWrite(req);
    const agent = actor && can(actor, "registerComplaint") && !actor.mustChangePassword ? actor : null;
    // Anyone but a signed-in agent is limited per client address, before the body is read.
    if (!agent) await limitPublic(req, "complaints", 10);
    const { fields, files } = await readBody(req);
    if (agent && (fields.channel !== undefined || fields.receivedOn !== undefined)) {
      const parsed = agentComplaintSchema.safeParse(fields);
      if (!parsed.success) throw fromZod(parsed.error);
      return Response.json(await registerComplaint(agent, parsed.data, files), { status: 201 });
    }
    if (agent) await limitPublic(req, "complaints", 10);
    const parsed = publicComplaintSchema.safeParse(fields);
    if (!parsed.success) throw fromZod(parsed.error);
    return Response.json(await fileComplaint(parsed.data, files), { status: 201 });
  },
);
