/** A Node server answering `<version> <pid>` on $PORT; dev-loop tests rewrite it on disk to see a restart. */
export function serverSource(version: string): string {
  return `import http from "node:http";
http.createServer((req, res) => res.end("${version} " + process.pid)).listen(Number(process.env.PORT), "127.0.0.1");
`;
}

/** What a `serverSource` server at `url` answers: its version and its process id. */
export async function answer(url: string): Promise<{ version: string; pid: number }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  const [version, pid] = (await response.text()).split(" ");
  return { version: version!, pid: Number(pid) };
}
