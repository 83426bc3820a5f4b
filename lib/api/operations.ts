import { z } from "zod";
import { createTokenSchema } from "./token-schema";

/**
 * Every operation of the JSON API, with the zod schemas its handler validates with. The OpenAPI
 * document is generated from this list, and a test checks it against the route files.
 */
export type Operation = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodType;
  body?: z.ZodType;
};

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const operations = {
  getMe: { method: "GET", path: "/me", summary: "The signed-in user (or the token's owner)", tag: "Account" },
  listTokens: { method: "GET", path: "/tokens", summary: "My API tokens (never their secrets)", tag: "Account" },
  createToken: { method: "POST", path: "/tokens", summary: "Create an API token; the secret is shown once", tag: "Account", body: createTokenSchema },
  revokeToken: { method: "DELETE", path: "/tokens/{id}", summary: "Revoke an API token", tag: "Account" },
  listWorkUnits: { method: "GET", path: "/work-units", summary: "All work units, flat, with parentId", tag: "Organisation" },
  listCategories: { method: "GET", path: "/categories", summary: "Follow-up categories (UU 25/2009 obligations)", tag: "Follow-ups" },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
