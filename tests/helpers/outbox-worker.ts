import "../../scripts/server-only-stub";

/**
 * One outbox pass in a process of its own (tests/outbox-lease.test.ts kills it with SIGKILL mid-send): the
 * real lib/mail/deliver.ts against DATABASE_URL and SMTP_RELAY_URL. Prints `CLAIMING` before the pass and
 * `DONE {"sent":n,"failed":n}` after it.
 */
async function main() {
  const { deliverDueEmails } = await import("../../lib/mail/deliver");
  console.log("CLAIMING");
  const r = await deliverDueEmails(Number(process.argv[2] ?? 50));
  console.log(`DONE ${JSON.stringify(r)}`);
  process.exit(0);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
