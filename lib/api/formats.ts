/**
 * The formats of dates and instants as JSON Schema patterns (client-safe, no imports): the years
 * the server takes (MIN_YEAR–MAX_YEAR of lib/input.ts, 2000–2100; lib/api/openapi.test.ts checks
 * the two agree) and an offset on every instant (Z or ±hh:mm up to ±14:00: the server never
 * guesses a zone). That the day exists (no 30 February) is what format: date / date-time mean.
 */
export const YEARS_PATTERN = "(20\\d{2}|2100)";
const DAY = `${YEARS_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])`;
export const DATE_PATTERN = `^${DAY}$`;
export const INSTANT_PATTERN = `^${DAY}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|z|[+-](0\\d|1[0-4]):[0-5]\\d)$`;
