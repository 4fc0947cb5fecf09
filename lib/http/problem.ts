// RFC 9457 problem+json responses: the one error shape of the HTTP API.
export interface FieldError {
  item?: number;
  field: string;
  message: string;
}

export function problem(
  status: number,
  title: string,
  detail: string,
  extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
): Response {
  const body: Record<string, unknown> = { type: "about:blank", title, status, detail };
  if (extra.errors) body.errors = extra.errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...extra.headers },
  });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
