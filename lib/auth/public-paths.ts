/**
 * Paths anyone may open without a session cookie: sign-in, the auth endpoints and the calendar
 * feed (its secret token is the credential). Everything else without a session goes to sign-in
 * with a callbackUrl, so e.g. a scanned check-in QR code returns to its page after signing in.
 */
export const PUBLIC_PATHS = ["/login", "/api/auth", "/calendar", "/verifikasi"];
