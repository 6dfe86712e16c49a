import type { Metadata } from "next";
import { RegisterForm } from "@/components/register-form";

export const metadata: Metadata = { title: "Register · bosun shop" };

export default function RegisterPage() {
  return (
    <section className="card">
      <h1>Create an account</h1>
      <RegisterForm />
    </section>
  );
}
