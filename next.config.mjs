/** Holdfast's Next.js configuration. */
const nextConfig = {
  // PGlite ships ~15 MB of wasm and data: load it from node_modules, never bundle it.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "nodemailer"],
  // forbidden() renders a real 403 from pages, route handlers and server actions.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm run typecheck` checks every file, with the route types of `next typegen`, before the e2e
  // suite builds; the e2e server's build (HOLDFAST_BUILD_TYPECHECKED=1) skips repeating it.
  typescript: { ignoreBuildErrors: process.env.HOLDFAST_BUILD_TYPECHECKED === "1" },
  typedRoutes: false,
};

export default nextConfig;
