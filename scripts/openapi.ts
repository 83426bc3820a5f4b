/**
 * Writes the generated OpenAPI document to a file (default: .data/openapi.json), for Spectral
 * (`npm run lint:openapi`) and client generators.
 */
import fs from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/api/openapi";

const out = path.resolve(process.argv[2] ?? ".data/openapi.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(out);
process.exit(0);
