/**
 * The formats of dates and instants as JSON Schema patterns (client-safe, no imports): the years
 * the server takes (MIN_YEAR–MAX_YEAR of lib/input.ts, 2000–2100; lib/api/openapi.test.ts checks
 * the two agree) and an offset on every instant (Z or ±hh:mm up to ±14:00: the server never
 * guesses a zone). That the day exists (no 30 February) is what format: date / date-time mean.
 */
export const YEARS_PATTERN = "(20\\d{2}|2100)";
const DAY = `${YEARS_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])`;
export const DATE_PATTERN = `^${DAY}$`;
/**
 * Instants: years 2001–2099. The server takes 2000–2100 for the instant as written, and again for
 * its day in the meeting's zone: 2100-12-31T20:00Z is 2101 in WIT. The document promises the
 * years that pass both in every zone (the property-based run found the gap).
 */
export const INSTANT_YEARS_PATTERN = "(200[1-9]|20[1-9]\\d)";
const INSTANT_DAY = `${INSTANT_YEARS_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])`;
export const INSTANT_PATTERN = `^${INSTANT_DAY}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|z|[+-](0\\d|1[0-4]):[0-5]\\d)$`;
