import { AccountPanel } from "@/components/account-panel";

export default function HomePage() {
  return (
    <section className="card">
      <h1>Welcome to the bosun shop</h1>
      <p className="lead">The web front end of the e-commerce reference stack: it signs you in through the gateway and auth-api.</p>
      <AccountPanel />
    </section>
  );
}
