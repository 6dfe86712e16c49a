import type { FastifyInstance } from "fastify";
import type { AuthService } from "../../auth/auth-service.js";
import { loginBody, refreshTokenBody, registerBody, type LoginBody, type RefreshTokenBody, type RegisterBody } from "../schemas.js";

/** POST /auth/register, /auth/login, /auth/refresh, /auth/logout and GET /auth/me. */
export function authRoutes(app: FastifyInstance, auth: AuthService): void {
  app.post<{ Body: RegisterBody }>("/auth/register", { schema: { body: registerBody } }, async (request, reply) => {
    const result = await auth.register(request.body);
    if (result.kind === "taken") return reply.code(409).send({ error: "taken", message: "that user name or e-mail address is already registered" });
    return reply.code(201).send(result.user);
  });

  app.post<{ Body: LoginBody }>("/auth/login", { schema: { body: loginBody } }, async (request, reply) => {
    const login = request.body.userName ?? request.body.email ?? "";
    const result = await auth.login({ login, password: request.body.password }, request.ip);
    switch (result.kind) {
      case "signed-in":
        return reply.code(200).header("cache-control", "no-store").send(result.tokens);
      case "invalid":
        return reply.code(401).send({ error: "invalid_credentials", message: "wrong user name, e-mail address or password" });
      case "locked-out": {
        const seconds = Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 1000));
        return reply.code(423).header("retry-after", String(seconds))
          .send({ error: "locked_out", message: "too many failed sign-ins; the account is locked", lockoutEnd: result.until.toISOString() });
      }
      case "rate-limited":
        return reply.code(429).header("retry-after", String(result.retryAfterSeconds))
          .send({ error: "too_many_attempts", message: `too many sign-in attempts; try again in ${result.retryAfterSeconds} s` });
    }
  });

  app.post<{ Body: RefreshTokenBody }>("/auth/refresh", { schema: { body: refreshTokenBody } }, async (request, reply) => {
    const result = await auth.refresh(request.body.refreshToken);
    if (result.kind === "invalid") return reply.code(401).send({ error: "invalid_token", message: result.reason });
    return reply.code(200).header("cache-control", "no-store").send(result.tokens);
  });

  app.post<{ Body: RefreshTokenBody }>("/auth/logout", { schema: { body: refreshTokenBody } }, async (request, reply) => {
    await auth.logout(request.body.refreshToken);
    return reply.code(204).send();
  });

  app.get("/auth/me", async (request, reply) => {
    const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "");
    const user = match ? await auth.me(match[1]!) : undefined;
    if (user === undefined) {
      return reply.code(401).header("www-authenticate", 'Bearer error="invalid_token"').send({ error: "invalid_token", message: "a valid access token is required" });
    }
    return reply.send(user);
  });
}
