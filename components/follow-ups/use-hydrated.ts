"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False in the server render, true once React runs in the browser (marks forms ready for input). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
