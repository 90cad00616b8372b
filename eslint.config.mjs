import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers, top to bottom: app → components → lib, and app → inngest → lib. What ships never
// imports the local stand-ins (tools/), the scripts or the test fixtures; tests may.
const productLayers = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "inngest/**/*.{ts,tsx}", "instrumentation.ts", "proxy.ts"],
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          { target: "./", from: ["./tools", "./scripts", "./test", "./e2e"], message: "Local-only tooling and test fixtures stay out of what ships." },
          { target: "./lib", from: ["./app", "./components", "./inngest"], message: "lib/ is the lowest layer: it may not import app/, components/ or inngest/." },
          { target: "./components", from: ["./app", "./inngest"], message: "components/ may not import app/ or inngest/: keep server actions beside their forms." },
          { target: "./inngest", from: ["./app", "./components"], message: "inngest/ functions call lib/, never app/ or components/." },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  productLayers,
  { ignores: [".next/**", "generated/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "tools/prisma-engine/**"] },
];

export default config;
