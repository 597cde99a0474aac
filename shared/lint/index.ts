export * from "./lint.ts";
export * from "./settings.ts";
