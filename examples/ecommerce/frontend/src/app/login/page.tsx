import type { Metadata } from "next";
import { LoginForm } from "@/components/login-form";

export const metadata: Metadata = { title: "Sign in · bosun shop" };

export default async function LoginPage({ searchParams }: { readonly searchParams: Promise<{ registered?: string | string[] }> }) {
  const { registered } = await searchParams;
  return (
    <section className="card">
      <h1>Sign in</h1>
      <LoginForm registered={typeof registered === "string" ? registered : undefined} />
    </section>
  );
}
