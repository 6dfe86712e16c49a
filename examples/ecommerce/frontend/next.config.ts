import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // ESLint is not part of this example; the type-check still runs.
  eslint: { ignoreDuringBuilds: true },
  // No image optimisation: it would load sharp and is not needed for a page of forms.
  images: { unoptimized: true },
};

export default config;
