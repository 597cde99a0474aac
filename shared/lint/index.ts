export * from "./defaults.ts";
export * from "./lint.ts";
export * from "./settings.ts";
