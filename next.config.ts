import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Node-only packages the server loads at run time rather than bundling.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "nodemailer", "smtp-server"],
  poweredByHeader: false,
};

export default nextConfig;
