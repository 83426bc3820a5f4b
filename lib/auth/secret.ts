/** AUTH_SECRET or the generated secret file (secret-file.mjs: shared with scripts/start.mjs). */
export { authSecret } from "./secret-file.mjs";
