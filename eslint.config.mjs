import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { createRequire } from "node:module";

// eslint-plugin-import parses imported files with the TypeScript parser named here; npm nests it
// under eslint-config-next, where the plugin does not look, and an unparsed file hides cycles.
const fromNext = createRequire(createRequire(import.meta.url).resolve("eslint-config-next"));
const tsParser = createRequire(fromNext.resolve("typescript-eslint")).resolve("@typescript-eslint/parser");

/**
 * The layering of ../shared/STYLE.md, enforced: app → components → lib → db. Never components →
 * db, app → db (go through a use case), lib → app/components, db → anything above it; next/navigation
 * (redirect, notFound) only in app/ and components/. tests/lint.test.ts proves each rule fires.
 */
const DB = { group: ["@/db", "@/db/**"], message: "Go through a use case in lib/ (enum lists: @/lib/enums); see STYLE.md layering." };
const APP = { group: ["@/app/**"], message: "lib/ and components/ never import app/; see STYLE.md layering." };
const COMPONENTS = { group: ["@/components/**"], message: "lib/ never imports components/; see STYLE.md layering." };
const LIB = { group: ["@/lib/**"], message: "db/ never imports lib/; see STYLE.md layering." };
const NAVIGATION = { name: "next/navigation", message: "Redirects and notFound() belong to pages (app/); lib/ throws NotFoundError/ForbiddenError." };
const CACHE = { name: "next/cache", message: "Revalidation belongs to server actions (app/); lib/ use cases only change data." };
const restrict = (patterns, paths = []) => ({ "no-restricted-imports": ["error", { patterns, paths }] });

const TESTS = ["**/*.test.ts", "tests/**", "e2e/**"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tests/lint/**", "e2e/client/generated/**"],
  },
  { files: ["app/**/*.{ts,tsx}"], ignores: TESTS, rules: restrict([DB]) },
  { files: ["components/**/*.{ts,tsx}"], ignores: TESTS, rules: restrict([DB, APP]) },
  { files: ["lib/**/*.{ts,tsx}"], ignores: TESTS, rules: restrict([APP, COMPONENTS], [NAVIGATION, CACHE]) },
  // The sign-in redirect of requireUser() is the one navigation lib/ owns (pages, actions and the API share it).
  { files: ["lib/auth/session.ts"], rules: restrict([APP, COMPONENTS], [CACHE]) },
  { files: ["db/**/*.ts"], ignores: TESTS, rules: restrict([LIB, APP, COMPONENTS]) },
  // No import cycles between our modules.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts", "tests/**/*.ts"],
    settings: {
      "import/parsers": { "@typescript-eslint/parser": [], [tsParser]: [".ts", ".tsx", ".mts", ".cts", ".d.ts"] },
      // Our own modules only: packages cannot import us back.
      "import/ignore": ["node_modules"],
    },
    // A dynamic import() is the accepted way to load a module lazily where a static import would
    // close a loop at load time (lib/live/access.ts ↔ screen-links.ts).
    rules: { "import/no-cycle": ["error", { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true }] },
  },
];

export default config;
