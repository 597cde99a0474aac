export * from "./template.ts";
export * from "./variables.ts";
