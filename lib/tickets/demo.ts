import "server-only";

/** Demo data of the tickets capability, seeded once on an empty database (db/seed.ts). */
export async function seedDemo(): Promise<void> {}
