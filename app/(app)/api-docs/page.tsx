import type { Metadata } from "next";
import { connection } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API" };

type Op = {
  summary: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, unknown>;
};

/** A readable reference generated from the same OpenAPI document the API serves. */
export default async function ApiDocsPage() {
  await connection();
  await requireUser();
  const doc = openApiDocument();
  return (
    <>
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        <a href="/api/v1/openapi.json">openapi.json</a> · Base URL <code>/api/v1</code>
      </p>
      {Object.entries(doc.paths).map(([path, ops]) =>
        Object.entries(ops as Record<string, Op>).map(([method, op]) => (
          // Long paths and parameter names break anywhere rather than push a phone's screen sideways.
          <section key={`${method} ${path}`} className="card" style={{ overflowWrap: "anywhere" }}>
            <h2 style={{ marginTop: 0, fontSize: "1.05rem" }}>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.parameters?.length ? (
              <p>
                Parameters:{" "}
                {op.parameters.map((p) => (
                  <code key={p.name} style={{ marginRight: "0.5rem" }}>
                    {p.name} ({p.in}
                    {p.required ? ", required" : ""})
                  </code>
                ))}
              </p>
            ) : null}
            {op.requestBody ? (
              <details>
                <summary>Request body (JSON Schema)</summary>
                <pre style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}</pre>
              </details>
            ) : null}
            <p className="muted">Responses: {Object.keys(op.responses).join(", ")}</p>
          </section>
        )),
      )}
    </>
  );
}
