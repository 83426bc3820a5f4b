import { TIME_ZONES } from "./_enums";
import { customType, integer, timestamp } from "drizzle-orm/pg-core";

/** Every instant is a timestamptz. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => tstz("created_at").notNull().defaultNow();
export const updatedAt = () => tstz("updated_at").notNull().defaultNow();
export const version = () => integer("version").notNull().default(1);

/** Raw bytes (uploaded evidence kept in the database so every app instance sees them). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export { TIME_ZONES };
export type TimeZone = (typeof TIME_ZONES)[number];

/** SQL list literal for CHECK constraints: ('a','b'). */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(",");
