export * from "./_shared";
export * from "./org";
export * from "./meetings";
export * from "./follow-ups";
export * from "./system";
