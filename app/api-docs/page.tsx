// The API documentation page, public, drawn from the same OpenAPI document the API serves.
import type { Metadata } from "next";
import { cancelSessionCurl, curlCommand } from "@/lib/api-examples";
import { requestOrigin } from "@/lib/http/origin";
import { type ColumnDef, DataTable, type TableLook } from "@/components/ui/data-table";
import { openApiDocument } from "@/lib/openapi/document";
import { type FieldSchema, type Operation, apiDocumentShape } from "./document-shape";

export const metadata: Metadata = { title: "API" };

function typeOf(s: FieldSchema): string {
  if (s.enum) return s.enum.join(" | ");
  if (s.anyOf)
    return s.anyOf
      .map(typeOf)
      .filter((t) => t !== "null")
      .join(" | ");
  if (s.format === "date-time") return "timestamp (ISO 8601, with zone)";
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

const docLook: TableLook = {
  table: "mt-3 w-full text-left text-sm",
  th: "py-1 pr-3",
  tbody: "divide-y divide-line",
  td: "py-1 pr-3",
};
const captionClass = "text-left text-xs font-medium uppercase text-muted";

type Parameter = NonNullable<Operation["parameters"]>[number];
const parameterColumns: ColumnDef<Parameter>[] = [
  { header: "Name", cell: ({ row }) => row.original.name, meta: { cellClassName: "py-1 pr-3 font-mono" } },
  { header: "In", cell: ({ row }) => row.original.in, meta: { cellClassName: "py-1 pr-3 text-muted" } },
  { header: "Description", cell: ({ row }) => row.original.description, meta: { cellClassName: "py-1" } },
];

interface Field {
  name: string;
  schema: FieldSchema;
}

/** The fields of an ingestion item; an optional field's name ends in "?". */
function fieldColumns(required: string[]): ColumnDef<Field>[] {
  return [
    {
      header: "Field",
      cell: ({ row: { original: f } }) => `${f.name}${required.includes(f.name) ? "" : "?"}`,
      meta: { cellClassName: "py-1 pr-3 font-mono" },
    },
    { header: "Type", cell: ({ row }) => typeOf(row.original.schema) },
    {
      header: "Description",
      cell: ({ row }) => row.original.schema.description,
      meta: { cellClassName: "py-1 text-muted" },
    },
  ];
}

export default async function ApiDocsPage() {
  const origin = await requestOrigin();
  const example = curlCommand(origin, "cancellations");
  const doc = apiDocumentShape.parse(openApiDocument());
  return (
    <main className="mx-auto max-w-5xl p-8">
      <h1 className="text-3xl font-semibold">{doc.info.title}</h1>
      <p className="mt-2 text-muted">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable:{" "}
        <a className="text-accent underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1). Ingestion takes an API key (Admin → API keys, or <code>npm run apikey:create</code>) as{" "}
        <code>Authorization: Bearer …</code>; accounts come first.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Example: send a cancellation answer</h2>
      <pre className="mt-2 overflow-x-auto rounded-lg border border-line bg-canvas p-4 text-xs text-ink" tabIndex={0}>
        {example}
      </pre>
      <p className="mt-2 text-sm text-muted">
        Answer: <code>{`{"accepted": 1, "skipped": 0}`}</code>; a bad batch answers 400 with{" "}
        <code>errors: [{`{item, field, message}`}]</code> and writes nothing.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Example: start a cancel session</h2>
      <pre className="mt-2 overflow-x-auto rounded-lg border border-line bg-canvas p-4 text-xs text-ink" tabIndex={0}>
        {cancelSessionCurl(origin)}
      </pre>
      <p className="mt-2 text-sm text-muted">
        With a key of scope <code>cancel</code>. Answer: 201 <code>{`{"id", "url", "expiresAt"}`}</code>; send the
        customer&apos;s browser to <code>url</code>, then confirm the outcome by the{" "}
        <code>cancel_session.completed</code> webhook or <code>GET /api/v1/cancel-sessions/{"{id}"}</code> — never by
        the return URL alone. The <code>returnUrl</code>&apos;s origin must be listed in{" "}
        <code>CANCEL_RETURN_ORIGINS</code>.
      </p>
      {Object.entries(doc.paths).map(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => {
          const ref = op.requestBody?.content["application/json"]?.schema.properties?.items?.items?.$ref;
          const item = ref ? doc.components.schemas[ref.split("/").pop() ?? ""] : undefined;
          return (
            <section
              key={`${method} ${path}`}
              className="mt-8 rounded-xl border border-line bg-surface p-5"
              aria-label={`${method.toUpperCase()} ${path}`}
            >
              <h2 className="font-mono text-lg">
                <span className="mr-2 rounded bg-accent px-2 py-0.5 text-sm text-accent-ink">
                  {method.toUpperCase()}
                </span>
                {path}
              </h2>
              <p className="mt-1 font-medium">{op.summary}</p>
              {op.description && <p className="mt-1 text-sm text-muted">{op.description}</p>}
              <p className="mt-1 text-xs text-muted">
                Auth:{" "}
                {op.security && op.security.length > 0
                  ? op.security.map((s) => Object.keys(s)[0]).join(" or ")
                  : "none"}
              </p>
              {op.parameters && op.parameters.length > 0 && (
                <DataTable
                  caption="Parameters"
                  captionClassName={captionClass}
                  columns={parameterColumns}
                  data={op.parameters}
                  getRowId={(p) => p.name}
                  look={docLook}
                  header={false}
                />
              )}
              {item?.properties && (
                <DataTable
                  caption="Each item (unknown fields are rejected)"
                  captionClassName={captionClass}
                  columns={fieldColumns(item.required ?? [])}
                  data={Object.entries(item.properties).map(([name, schema]) => ({ name, schema }))}
                  getRowId={(f) => f.name}
                  look={docLook}
                  header={false}
                />
              )}
              <ul className="mt-3 flex flex-wrap gap-x-4 text-sm">
                {Object.entries(op.responses).map(([code, r]) => (
                  <li key={code}>
                    <span className="font-mono">{code}</span> <span className="text-muted">{r.description}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        }),
      )}
    </main>
  );
}
