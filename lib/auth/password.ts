import bcrypt from "bcryptjs";

// bcrypt, cost 10: tens of milliseconds a check here; the login rate limit does the rest against guessing.
const COST = 10;

export const hashPassword = (plain: string) => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

let dummy: string | undefined;
/** A hash to compare against for unknown accounts, so that a missing user costs the same time. */
export function dummyHash(): string {
  dummy ??= bcrypt.hashSync("no-such-user", COST);
  return dummy;
}
