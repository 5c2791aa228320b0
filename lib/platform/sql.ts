/**
 * A PostgreSQL array literal for a text[] parameter (`${pgArray(xs)}::text[]`): each element quoted and
 * escaped, so any string is safe in it (drizzle's sql`` would spread a JS array into separate parameters). One
 * helper for every capability (it was written twice before).
 */
export const pgArray = (xs: readonly string[]): string => `{${xs.map((x) => `"${x.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
