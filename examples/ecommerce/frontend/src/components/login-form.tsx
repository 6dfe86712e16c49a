"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, describeFailure, type User } from "@/lib/api-client";

/** Sign in with the e-mail address or the user name; on success, home shows the account. */
export function LoginForm({ registered }: { readonly registered?: string | undefined }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(undefined);
    const answer = await api<User>("/login", "POST", login.includes("@") ? { email: login, password } : { userName: login, password });
    if (answer.status === 200) {
      router.push("/");
      return;
    }
    setBusy(false);
    setError(describeFailure(answer));
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      {registered && (
        <p role="status" className="notice">
          Account created for <strong>{registered}</strong>. Sign in to continue.
        </p>
      )}
      <label>
        E-mail or user name
        <input name="login" autoComplete="username" required defaultValue={registered} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p role="alert" className="error" data-testid="form-error">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
      <p className="alt">
        New here? <Link href="/register">Create an account</Link>
      </p>
    </form>
  );
}
