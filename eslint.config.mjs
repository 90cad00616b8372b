import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import local from "./eslint/plugin.mjs";

// The layers, top to bottom: app → components → lib, and app → inngest → lib. What ships never
// imports the local stand-ins (tools/), the scripts or the test fixtures; tests may. The production
// server (server/) reaches the app only through its build, so Next.js and it share one copy of it.
const productLayers = {
  files: [
    "app/**/*.{ts,tsx}",
    "components/**/*.{ts,tsx}",
    "lib/**/*.{ts,tsx}",
    "inngest/**/*.{ts,tsx}",
    "instrumentation.ts",
    "proxy.ts",
    "server/**/*.ts",
  ],
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          {
            target: "./",
            from: ["./tools", "./scripts", "./test", "./e2e"],
            message: "Local-only tooling and test fixtures stay out of what ships.",
          },
          {
            target: "./lib",
            from: ["./app", "./components", "./inngest"],
            message: "lib/ is the lowest layer: it may not import app/, components/ or inngest/.",
          },
          {
            target: "./components",
            from: ["./app", "./inngest"],
            message: "components/ may not import app/ or inngest/: keep server actions beside their forms.",
          },
          {
            target: "./inngest",
            from: ["./app", "./components"],
            message: "inngest/ functions call lib/, never app/ or components/.",
          },
          {
            target: "./server",
            from: ["./app", "./components", "./inngest", "./lib"],
            message:
              "server/ loads the app from its build (server/compiled-route.ts), never a second copy from source.",
          },
        ],
      },
    ],
  },
};

// Server code says so (eslint/rules/require-server-only.mjs): a module that imports the database,
// the environment, secrets at rest, the job client or a Node-only server library, or reads
// process.env, has `import "server-only"`, and so does every route handler, so that a client
// component that reaches one fails `next build`.
const serverModules = [
  "@/lib/db",
  "@/lib/env",
  "@/lib/crypto/*",
  "@/lib/jobs/client",
  "@/generated/prisma/client",
  "@prisma/*",
  "pg",
  "nodemailer",
  "node:crypto",
  "crypto",
];
const serverOnly = [
  {
    // server/ runs in plain Node, outside the bundles `server-only` guards.
    files: productLayers.files.filter((pattern) => !pattern.startsWith("server/")),
    ignores: productLayers.ignores,
    plugins: { local },
    rules: { "local/require-server-only": ["error", { modules: serverModules }] },
  },
  {
    files: ["app/**/route.ts"],
    ignores: productLayers.ignores,
    plugins: { local },
    rules: { "local/require-server-only": ["error", { modules: serverModules, always: true }] },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  productLayers,
  ...serverOnly,
  {
    ignores: [
      ".next/**",
      ".next-typecheck/**",
      "generated/**",
      ".data/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "tools/prisma-engine/**",
    ],
  },
];

export default config;
