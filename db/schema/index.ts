// Every table of the app, one file per capability. drizzle-kit reads this file to generate migrations.
export * from "./platform";
export * from "./appointments";
export * from "./tickets";
export * from "./calls";
export * from "./complaints";
export * from "./dashboards";
