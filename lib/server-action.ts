import "server-only";
import { z } from "zod";
import { isUuid } from "./ids";
import { INT4_MAX } from "./input";

/**
 * The one gate of every server action's arguments. A server action is a public POST endpoint: its
 * arguments come from the browser (bound ids and versions included — `action.bind(null, id)` only
 * serialises them into the page) and may be anything Next can decode: the wrong type, missing,
 * `undefined`, a huge string, a Map, a Blob, a FormData where an object was meant. Each action
 * declares what it takes; an argument that does not fit is refused with a 400 value before the
 * action's body runs (nothing is read, nothing is stored, nothing is thrown). The form's *fields*
 * are still parsed by the use case's zod schema, which answers per-field messages (422).
 *
 * Extra arguments are ignored: a `<form action={x.bind(null, id)}>` appends its FormData.
 * tests/server-actions.test.ts fuzzes every action of every "use server" file through this gate.
 */

/** Argument kinds. `values` is a form's fields, checked by the use case's own schema. */
export const arg = {
  id: z.custom<string>(isUuid),
  optionalId: z.custom<string>(isUuid).nullable(),
  /** A row version as the page rendered it (0 for "none yet"). */
  version: z.number().int().min(0).max(INT4_MAX),
  /** A short opaque code from a URL (check-in code, document code). */
  code: z.string().min(1).max(200),
  /** One line of text the use case checks further (a note, a minute count). */
  text: (max: number) => z.string().max(max),
  flag: z.boolean(),
  oneOf: <const T extends readonly [string, ...string[]]>(...values: T) => z.enum(values),
  values: z.unknown(),
  formData: z.instanceof(FormData),
  /** useActionState's previous state: never read. */
  previous: z.unknown(),
};

type Params = readonly z.ZodType[];
type Outputs<P extends Params> = { -readonly [K in keyof P]: z.output<P[K]> };

/** What a refused call answers (the ActionState of a form; status is the HTTP status it stands for). */
export type BadArguments = { ok: false; status: 400; message: "errors.badRequest" };
export const BAD_ARGUMENTS: BadArguments = Object.freeze({ ok: false, status: 400, message: "errors.badRequest" });

/** The action as Next and the forms see it, plus its declared parameters (for the fuzz test). */
export type ServerAction<P extends Params, R> = ((...args: Outputs<P>) => Promise<R>) & { readonly parameters: P };

/**
 * A server action whose arguments are checked first. `refused` is what a call with arguments that
 * do not fit answers (the 400 ActionState by default; `undefined` for a plain `<form action>` that
 * shows no result, null for a state that may be null).
 */
export function serverAction<const P extends Params, R>(parameters: P, body: (...args: Outputs<P>) => Promise<R>): ServerAction<P, R | BadArguments>;
export function serverAction<const P extends Params, R, F>(parameters: P, body: (...args: Outputs<P>) => Promise<R>, refused: F): ServerAction<P, R | F>;
export function serverAction(parameters: Params, body: (...args: unknown[]) => Promise<unknown>, ...rest: unknown[]) {
  const refused = rest.length ? rest[0] : BAD_ARGUMENTS;
  const action = async (...args: unknown[]) => {
    const parsed: unknown[] = [];
    for (let i = 0; i < parameters.length; i++) {
      const result = parameters[i]!.safeParse(args[i]);
      if (!result.success) {
        console.warn(`[rakor] server action ${body.name || "(anonymous)"}: argument ${i + 1} refused (${describe(args[i])})`);
        return refused;
      }
      parsed.push(result.data);
    }
    return body(...parsed);
  };
  return Object.assign(action, { parameters });
}

/** The type of a refused argument for the log — never its content. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value === "string" ? `string of ${value.length}` : typeof value;
  return Object.prototype.toString.call(value).slice(8, -1);
}
