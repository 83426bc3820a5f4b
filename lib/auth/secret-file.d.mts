export function authSecret(): string;
