type Json = Record<string, unknown>;

const escapeHtml = (value: unknown) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.enum) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items as Json)}[]`;
  const format = schema.format ? ` (${schema.format})` : '';
  return `${Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'object')}${format}`;
}

function fieldsTable(schema: Json | undefined, prefix = ''): string {
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required ?? []) as string[]);
  const rows = Object.entries(properties).map(([name, property]) => {
    const nested = property.type === 'object' && property.properties ? fieldsTable(property, `${prefix}${name}.`) : '';
    return `<tr><td><code>${escapeHtml(prefix + name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td><td>${escapeHtml(typeOf(property))}</td><td>${escapeHtml(property.description ?? '')}</td></tr>${nested}`;
  });
  return rows.join('');
}

/** A readable API reference rendered on the server from the OpenAPI document: no scripts, no CDN. */
export function renderDocsPage(doc: Json): string {
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = ((operation.tags as string[]) ?? ['Other'])[0] ?? 'Other';
      const params = (operation.parameters as Json[]) ?? [];
      const body = (operation.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined;
      const responses = operation.responses as Record<string, Json>;
      const success = Object.entries(responses).find(([code]) => code.startsWith('2'));
      const successSchema = (success?.[1].content as Record<string, { schema: Json }> | undefined)?.['application/json']
        ?.schema;
      const html = `<section class="op" id="${escapeHtml(operation.operationId)}">
  <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p>${escapeHtml(operation.summary)}${operation.security && (operation.security as unknown[]).length === 0 ? ' <span class="pub">public</span>' : ''}</p>
  ${params.length ? `<h4>Parameters</h4><table>${params.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code> <small>${escapeHtml(p.in)}</small>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${escapeHtml(typeOf(p.schema as Json))}</td><td></td></tr>`).join('')}</table>` : ''}
  ${body ? `<h4>Request body</h4><table>${fieldsTable(body['application/json']?.schema)}</table>` : ''}
  <h4>Response ${escapeHtml(success?.[0] ?? '')}</h4>${successSchema ? `<table>${fieldsTable(successSchema)}</table>` : '<p>No content.</p>'}
</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const info = doc.info as Json;
  const nav = [...byTag.keys()].map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`).join('');
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('')}`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Koe API reference</title><style>
body{font:15px/1.55 system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;margin:0;color:#1f2430;background:#f7f8fb}
header{background:#3b4cca;color:#fff;padding:24px 32px}header h1{margin:0 0 6px}header p{margin:0;max-width:900px;opacity:.92}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #e3e6ee;padding:10px 32px;display:flex;gap:16px;flex-wrap:wrap}nav a{color:#3b4cca;text-decoration:none}
main{max-width:1100px;padding:8px 32px 48px}h2{margin-top:36px;border-bottom:2px solid #e3e6ee;padding-bottom:6px}
.op{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:12px 18px;margin:14px 0}.op h3{margin:4px 0;font-size:16px}
.m{display:inline-block;min-width:62px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px;margin-right:6px}
.get{background:#1c7ed6}.post{background:#2f9e44}.patch{background:#e67700}.put{background:#e67700}.delete{background:#c92a2a}
table{border-collapse:collapse;width:100%;font-size:13px}td{border-top:1px solid #eef0f5;padding:4px 8px;vertical-align:top}td:first-child{width:34%}
h4{margin:10px 0 4px;font-size:13px;color:#5c6370}.req{color:#c92a2a;font-size:11px}.pub{background:#e6fcf5;color:#087f5b;font-size:11px;padding:1px 6px;border-radius:10px}
code{font-family:ui-monospace,Menlo,monospace}</style></head><body>
<header><h1>${escapeHtml(info.title)}</h1><p>${escapeHtml(info.description)}</p><p>Machine-readable: <a style="color:#fff" href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</p></header>
<nav>${nav}</nav><main>${sections}</main></body></html>`;
}
