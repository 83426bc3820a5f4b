export const ROUTE_METHODS: readonly (readonly [string, string])[];
export function allowedMethods(pathname: string): string;
export function methodAllowed(pathname: string, method: string): boolean;
