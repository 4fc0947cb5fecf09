/** Holdfast's Next.js configuration. */
const nextConfig = {
  // PGlite ships ~15 MB of wasm and data: load it from node_modules, never bundle it.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg"],
  // forbidden() renders a real 403 from pages, route handlers and server actions.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
