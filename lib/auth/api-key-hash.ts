import crypto from "node:crypto";

/** API keys are stored as their SHA-256 only. */
export const hashApiKey = (key: string) => crypto.createHash("sha256").update(key).digest("hex");
