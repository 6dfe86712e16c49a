"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { api, describeFailure, type User } from "@/lib/api-client";

type Session = { readonly kind: "loading" } | { readonly kind: "signed-out" } | { readonly kind: "signed-in"; readonly user: User } | { readonly kind: "error"; readonly message: string };

/** Who is signed in (asked of /api/auth/me, which renews an expired access token), and a sign-out button. */
export function AccountPanel() {
  const [session, setSession] = useState<Session>({ kind: "loading" });
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    let current = true;
    void api<User>("/me", "GET").then((answer) => {
      if (!current) return;
      if (answer.status === 200) setSession({ kind: "signed-in", user: answer.body as User });
      else if (answer.status === 401) setSession({ kind: "signed-out" });
      else setSession({ kind: "error", message: describeFailure(answer) });
    });
    return () => {
      current = false;
    };
  }, []);

  async function signOut() {
    setSigningOut(true);
    const answer = await api("/logout", "POST");
    setSigningOut(false);
    setSession(answer.status === 204 ? { kind: "signed-out" } : { kind: "error", message: describeFailure(answer) });
  }

  switch (session.kind) {
    case "loading":
      return <p aria-busy="true">Checking your session…</p>;
    case "error":
      return <p role="alert" className="error">{session.message}</p>;
    case "signed-out":
      return (
        <div className="account" data-testid="signed-out">
          <p>You are not signed in.</p>
          <p className="actions">
            <Link className="button" href="/login">Sign in</Link>
            <Link className="button secondary" href="/register">Create an account</Link>
          </p>
        </div>
      );
    case "signed-in":
      return (
        <div className="account" data-testid="signed-in">
          <p className="greeting">
            Signed in as <strong>{session.user.userName}</strong>
          </p>
          <dl>
            <dt>E-mail</dt>
            <dd data-testid="user-email">{session.user.email}</dd>
            <dt>User id</dt>
            <dd><code>{session.user.id}</code></dd>
          </dl>
          <button type="button" onClick={() => void signOut()} disabled={signingOut}>
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      );
  }
}
