// Runs Holdfast's HTTP server (scripts/http-server.ts: Next behind the socket-address rewrite) as a
// child process, in production or development mode, forwards stop signals, and waits for /api/health.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// tsx's command line and the server script, run by this Node: a signal to the child reaches the
// server (npx would stand between them and leave the server running).
const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");
const HTTP_SERVER = fileURLToPath(new URL("./http-server.ts", import.meta.url));

export function serve(port: number, env: Record<string, string>, mode: "start" | "dev" = "start"): ChildProcess {
  const server = spawn(process.execPath, [TSX_CLI, HTTP_SERVER, ...(mode === "dev" ? ["--dev"] : [])], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      AUTH_TRUST_HOST: "true",
      NODE_ENV: mode === "dev" ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  return server;
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

export function exited(server: ChildProcess): Promise<number> {
  return new Promise((resolve) => server.on("exit", (code) => resolve(code ?? 1)));
}
