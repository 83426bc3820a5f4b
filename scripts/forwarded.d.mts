import type { IncomingMessage } from "node:http";

export function appendPeer(req: IncomingMessage): void;
