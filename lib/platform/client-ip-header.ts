/**
 * The internal header that carries the client's address from the web server (scripts/web-server.ts) to the
 * app. The server always overwrites it, so its value is never what a client sent.
 */
export const CLIENT_IP_HEADER = "x-kic-client-ip";
