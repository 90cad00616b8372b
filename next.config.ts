import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Node-only packages the server loads at run time rather than bundling.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "nodemailer", "smtp-server"],
  poweredByHeader: false,
  // proxy.ts decides: API paths are served with or without a trailing slash (CodeScoring's API
  // writes them with one), pages still redirect to the slash-less URL.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
