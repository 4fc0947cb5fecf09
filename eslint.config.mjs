// Lint rules for Holdfast: Next's core-web-vitals and TypeScript sets, React Hooks, typescript-eslint, then Prettier.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import tseslint from "typescript-eslint";

// The React Hooks plugin is a dependency of eslint-config-next, not of Holdfast. Taking it from Next's
// own config avoids importing an undeclared package and guarantees one plugin object under "react-hooks"
// (ESLint refuses two different objects under the same plugin name).
const reactHooks = nextVitals.find((config) => config.plugins?.["react-hooks"])?.plugins["react-hooks"];
if (!reactHooks) throw new Error("eslint-config-next no longer registers eslint-plugin-react-hooks");

// Every page is rendered per request from the database: a link prefetches its page on intent (hover,
// focus), not on sight, so one page view does not render ten (components/ui/intent-link.tsx).
const NEXT_LINK = {
  regex: "^next/link$",
  message: "Use IntentLink from @/components/ui/intent-link: it prefetches on hover or focus, not on sight.",
};

export default defineConfig([
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".data/**",
    "db/migrations/**",
    "test-results/**",
    "playwright-report/**",
    "bench-results/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTs,
  // Next already spreads these rules; naming the sets here keeps the React Compiler rules (purity, refs,
  // set-state-in-effect, …) and typescript-eslint's recommended set on if Next's defaults change.
  reactHooks.configs.flat.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `const { secret: _omitted, ...rest } = row` is how Holdfast drops a key from an object (and tsc's
      // noUnusedLocals accepts it); every other unused variable is still an error.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  // The layers (docs/architecture.md "Which way imports go"): a violation fails `npm run lint`. Type imports
  // count too: a shape a component renders lives in lib/types, not in db/queries.
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)db(/|$)",
              message:
                "components/ render what pages pass them; the shapes live in lib/types, the reads in db/queries (called by pages).",
            },
            NEXT_LINK,
          ],
        },
      ],
    },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [NEXT_LINK] }] } },
  {
    files: ["components/ui/intent-link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["db/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)lib/(?!(metrics|types)(/|$)|(values|env|account-path)$)",
              message:
                "db/ imports from lib/ only metrics, values, types, env and account-path: queries take plain typed input and return typed results; validation, auth and HTTP wording live above them.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/metrics/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^(@/|(\\.\\./)+)db(/|$)|^(node:)?(fs|fs/promises|child_process|net|http|https|dgram|worker_threads)$|^(pg|postgres|@electric-sql/pglite|next)(/|$)",
              message: "lib/metrics is pure math: no database, no I/O, no framework.",
            },
          ],
        },
      ],
    },
  },
  // Last, so it switches off every stylistic rule that would fight Prettier.
  prettier,
]);
