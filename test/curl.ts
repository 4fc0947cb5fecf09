// Reads a `curl -X POST` command as the pages print it (lib/api-examples.ts) back into the request
// a shell would make: URL, -H headers with $HOLDFAST_API_KEY filled in, and the -d body unquoted.
export interface CurlRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function readCurl(command: string, apiKey: string): CurlRequest {
  const url = /curl -X POST (\S+)/.exec(command)?.[1];
  const headers = Object.fromEntries(
    [...command.matchAll(/-H "([^:]+): ([^"]*)"/g)].map((m) => [
      (m[1] ?? "").toLowerCase(),
      (m[2] ?? "").replace("$HOLDFAST_API_KEY", apiKey),
    ]),
  );
  const body = /-d '((?:[^']|'\\'')*)'$/.exec(command.trim())?.[1]?.replace(/'\\''/g, "'");
  if (!url || body === undefined) throw new Error(`Not a command this reads:\n${command}`);
  return { url, headers, body };
}
