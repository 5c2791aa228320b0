// Composes each test file's process as the web server and the worker are composed (lib/server.ts): the
// capabilities' customer-history providers and jobs are registered before any test calls a service.
import "@/lib/server";
