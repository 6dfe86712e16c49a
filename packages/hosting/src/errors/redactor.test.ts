import { describe, expect, it } from "vitest";
import { Redactor } from "./redactor.js";

const SECRET = 'p@ss w/rd"é+1';
const base64 = (text: string) => Buffer.from(text).toString("base64");

function redactorFor(...secrets: string[]): Redactor {
  const redactor = new Redactor();
  redactor.add(secrets);
  return redactor;
}

describe("Redactor", () => {
  const redactor = redactorFor(SECRET);

  it("masks a secret as typed", () => {
    expect(redactor.redact(`password is ${SECRET}.`)).toBe("password is ***.");
  });

  it("masks a secret percent-encoded in a URI, in either case of hex digit and with + for a space", () => {
    const encoded = encodeURIComponent(SECRET);
    expect(redactor.redact(`postgres://app:${encoded}@db:5432/app`)).toBe("postgres://app:***@db:5432/app");
    expect(redactor.redact(`x=${encoded.toLowerCase()}&y=1`)).toBe("x=***&y=1");
    expect(redactor.redact(`q=${new URLSearchParams({ q: SECRET }).toString().slice(2)}`)).toBe("q=***");
    expect(redactor.redact(`uri ${encodeURI(SECRET)}`)).toBe("uri ***");
  });

  it("masks a secret JSON-escaped, nested, and with \\u escapes", () => {
    expect(redactor.redact(JSON.stringify({ password: SECRET }))).toBe('{"password":"***"}');
    expect(redactor.redact(JSON.stringify(JSON.stringify({ password: SECRET })))).toBe('"{\\"password\\":\\"***\\"}"');
    const asciiOnly = JSON.stringify(SECRET).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    expect(redactor.redact(`{"password":${asciiOnly}}`)).toBe('{"password":"***"}');
  });

  it("masks the base64 of the value alone, and the whole base64 word that holds it", () => {
    expect(redactor.redact(`token ${base64(SECRET)} end`)).toBe("token *** end");
    expect(redactor.redact(`token=${Buffer.from(SECRET).toString("base64url")}`)).toBe("token=***");
  });

  it("masks basic auth, base64 of user:pass, whatever the user's length (every byte offset)", () => {
    for (const user of ["a", "ab", "abc", "admin", "postgres"]) {
      expect(redactor.redact(`Authorization: Basic ${base64(`${user}:${SECRET}`)}`)).toBe("Authorization: Basic ***");
    }
  });

  it("masks every secret it was given, the longer first, and leaves other text as it was", () => {
    const both = redactorFor("abcd", "abcdefgh");
    expect(both.redact("abcdefgh abcd abc")).toBe("*** *** abc");
    const text = "GET /api/orders?page=2 200 12ms user=ada dXNlcjo= {\"ok\":true}";
    expect(redactorFor("Zx8kQ2mP9vL4tR7wY1nB3c").redact(text)).toBe(text);
  });

  it("ignores values shorter than 4 characters (bosun refuses them as secrets) and returns text unchanged without secrets", () => {
    expect(redactorFor("abc").redact("abc abc")).toBe("abc abc");
    expect(new Redactor().redact("plain")).toBe("plain");
  });
});
