import { ctiWebhook } from "@/lib/calls/cti-http";

// The CTI webhook (spec 03) is the one route in the Pages Router: machine traffic at volume, served by a
// plain Node handler (lib/calls/cti-http.ts says why). Every other route lives in app/.
export const config = { api: { bodyParser: false } };
export default ctiWebhook;
