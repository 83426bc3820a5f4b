export * from "./_shared";
export * from "./org";
export * from "./offices";
export * from "./meetings";
export * from "./follow-ups";
export * from "./system";
export * from "./live";
export * from "./documents";
