import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerResponse } from "node:http";

/**
 * Where the UI bundle lives: packages/hosting/dashboard-ui/, the same folder whether this module
 * runs from src/dashboard/server/ or dist/dashboard/server/ (see protocol.ts).
 */
const BUNDLE_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../dashboard-ui");

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Shown until the UI bundle is built: the server works without it, the page says what is missing. */
const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bosun dashboard</title></head>
<body><h1>bosun dashboard</h1><p>The dashboard's page is not built: run <code>npm run build</code> in the bosun checkout. Its API answers at /api/stream.</p></body></html>
`;

/** Serves `/` (index.html) and the bundle's files; false when the path names no file of it. */
export async function serveStatic(response: ServerResponse, urlPath: string, directory = BUNDLE_DIRECTORY): Promise<boolean> {
  let relative: string;
  try {
    relative = urlPath === "/" ? "index.html" : decodeURIComponent(urlPath).replace(/^\/+/, "");
  } catch {
    return false;
  }
  const file = path.resolve(directory, relative);
  if (!file.startsWith(directory + path.sep)) return false;
  const type = TYPES[path.extname(file)];
  if (!type) return false;
  let body: Buffer | string;
  try {
    body = await readFile(file);
  } catch {
    if (relative !== "index.html") return false;
    body = PLACEHOLDER;
  }
  response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-cache", "Content-Length": Buffer.byteLength(body) });
  response.end(body);
  return true;
}
