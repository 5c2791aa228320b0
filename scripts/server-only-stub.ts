/**
 * `server-only` throws when imported outside Next's server bundle. The start script, the worker and the
 * bench/seed scripts run the same server code under plain Node, so they register it as an empty module.
 */
import Module from "node:module";

const resolved = require.resolve("server-only");
const m = new Module(resolved);
m.loaded = true;
m.exports = {};
require.cache[resolved] = m;
