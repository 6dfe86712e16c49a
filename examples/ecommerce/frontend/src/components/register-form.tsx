"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, describeFailure, type User } from "@/lib/api-client";

/** E-mail, optional user name and password; on success, on to the sign-in page. */
export function RegisterForm() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const userName = String(form.get("userName") ?? "").trim();
    setBusy(true);
    setError(undefined);
    const answer = await api<User>("/register", "POST", { email, password: String(form.get("password") ?? ""), ...(userName ? { userName } : {}) });
    setBusy(false);
    if (answer.status === 201) router.push(`/login?registered=${encodeURIComponent(userName || email)}`);
    else setError(describeFailure(answer));
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-describedby={error ? "register-error" : undefined}>
      <label>
        E-mail
        <input name="email" type="email" autoComplete="email" required maxLength={256} />
      </label>
      <label>
        User name <span className="hint">(optional; letters, digits and . _ @ + -)</span>
        <input name="userName" autoComplete="username" minLength={3} maxLength={256} pattern="[A-Za-z0-9._@+\-]+" />
      </label>
      <label>
        Password <span className="hint">(at least 8 characters)</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      {error && <p id="register-error" role="alert" className="error" data-testid="form-error">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? "Creating…" : "Create account"}</button>
      <p className="alt">
        Already registered? <Link href="/login">Sign in</Link>
      </p>
    </form>
  );
}
