import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `npm test` generates the route types into a folder of their own (`next typegen`) and checks them
  // with the rest of the tree, beside the e2e server's `next build` writing .next/.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  // The e2e build skips the type check `npm test`'s types phase has made of the same tree.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPES_CHECKED === "1" },
  // Node-only packages the server loads at run time rather than bundling.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "nodemailer", "smtp-server"],
  poweredByHeader: false,
  // proxy.ts decides: API paths are served with or without a trailing slash (CodeScoring's API
  // writes them with one), pages still redirect to the slash-less URL.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
