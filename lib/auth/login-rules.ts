/**
 * The sign-in form's rules, without a schema library (issue 24: the sign-in page is everyone's
 * first page, on an empty cache; zod alone was its largest script). The browser checks these
 * before sending; the server's loginSchema (lib/auth/schemas.ts) is built on the same limits and
 * stays the authority (tests/login-rules.test.ts: both agree on every input).
 */
export const LOGIN_MAX_LENGTH = 200;

export type LoginValues = { identifier: string; password: string };
export type LoginFieldErrors = Partial<Record<keyof LoginValues, string>>;

export function loginFieldErrors(values: LoginValues): LoginFieldErrors {
  const errors: LoginFieldErrors = {};
  const identifier = values.identifier.trim();
  if (identifier.length === 0) errors.identifier = "errors.required";
  else if (identifier.length > LOGIN_MAX_LENGTH) errors.identifier = "errors.textTooLong";
  if (values.password.length === 0) errors.password = "errors.required";
  else if (values.password.length > LOGIN_MAX_LENGTH) errors.password = "errors.invalid";
  return errors;
}
