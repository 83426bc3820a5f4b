import type { IncomingMessage, ServerResponse } from "node:http";

export function createStaticBrotli(opts: { root: string; extraHeaders?: Record<string, string> }): {
  ready: Promise<void>;
  serve(req: IncomingMessage, res: ServerResponse): boolean;
};
