import type { IncomingMessage, ServerResponse } from "node:http";

export type LiveLimits = { maxClients: number; maxConnecting: number };
export function liveLimits(env?: Record<string, string | undefined>): LiveLimits;
export function retryAfterSeconds(): number;
export function createLiveAdmission(limits?: LiveLimits): {
  limits: LiveLimits;
  counts: { open: number; connecting: number; refused: number };
  admit(req: IncomingMessage, res: ServerResponse): boolean;
};
