export type Server = { base: string; pid: number | undefined; output: () => string; stop: () => Promise<void> };
export function startServer(opts: { port: number; env?: Record<string, string>; log?: boolean; nodeArgs?: string[] }): Promise<Server>;
export type SseEvent = { id: number | null; data: unknown; at: number };
export function openSse(url: string, onEvent: (e: SseEvent) => void, headers?: Record<string, string>): Promise<{ close: () => void; done: Promise<void> }>;
