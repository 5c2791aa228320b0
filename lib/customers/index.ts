/**
 * The customers module's public face (issue 13): the `customers` table — one row per person the KIC deals with —
 * is written only through `resolveCustomer`, with one matching rule per identifier. Tickets (mail intake, a
 * ticket an agent opens), calls (a new caller), appointments (a booking) and complaints (a registration) all
 * call it; the CTI webhook matches callers inside its one SQL statement with the same phone rule
 * (`callerByPhoneSql`, the SQL function customers_with_phone). Privacy (retention, erasure) anonymises rows in
 * place and owns that. No "server-only" marker: the CTI webhook's Pages API route imports this face.
 */
export { MIN_PHONE_DIGITS, matchablePhone, normalizeEmail, normalizePhone, normalizeVNumber } from "./identifiers";
export {
  callerByPhoneSql,
  customerById,
  customersWithPhone,
  resolveCustomer,
  type CustomerContact,
  type CustomerRow,
  type ResolvedCustomer,
} from "./resolve";
