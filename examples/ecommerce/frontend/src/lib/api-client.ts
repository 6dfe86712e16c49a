/** The browser side of the session routes under /api/auth (same origin, cookies included). */

export interface User {
  readonly id: string;
  readonly userName: string;
  readonly email: string;
}

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T | ErrorBody | undefined;
  readonly retryAfter: string | null;
}

interface ErrorBody {
  readonly error?: string;
  readonly message?: string;
}

export async function api<T>(path: string, method: "GET" | "POST", body?: unknown): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method,
      headers: method === "POST" ? { "content-type": "application/json" } : {},
      body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { status: 0, body: { error: "offline", message: "the shop could not be reached; check your connection" }, retryAfter: null };
  }
  const text = await response.text();
  let parsed: T | ErrorBody | undefined;
  try {
    parsed = text === "" ? undefined : (JSON.parse(text) as T | ErrorBody);
  } catch {
    parsed = { message: text };
  }
  return { status: response.status, body: parsed, retryAfter: response.headers.get("retry-after") };
}

/** A sentence for a failed answer: auth-api's own message where it has one. */
export function describeFailure(answer: ApiAnswer<unknown>): string {
  const message = (answer.body as ErrorBody | undefined)?.message;
  if (answer.status === 429 || answer.status === 423) {
    const wait = answer.retryAfter ? ` Try again in ${answer.retryAfter} s.` : "";
    return `${message ?? "Too many attempts."}${wait}`;
  }
  if (message) return capitalize(message);
  return `Something went wrong (HTTP ${answer.status}).`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
