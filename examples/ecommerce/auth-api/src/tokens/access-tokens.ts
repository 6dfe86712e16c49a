import { randomUUID } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";

export interface AccessTokenSettings {
  readonly secret: Uint8Array;
  readonly accessTokenSeconds: number;
  readonly issuer: string;
  readonly audience: string;
}

export interface AccessTokenClaims {
  /** The user's "Id". */
  readonly sub: string;
  readonly name: string;
  readonly email: string;
}

/** Short-lived HS256 JWTs: `sub`, `name`, `email`, `jti`, `iss`, `aud`, `iat`, `exp`. */
export class AccessTokens {
  constructor(private readonly settings: AccessTokenSettings) {}

  get lifetimeSeconds(): number {
    return this.settings.accessTokenSeconds;
  }

  issue(claims: AccessTokenClaims): Promise<string> {
    return new SignJWT({ name: claims.name, email: claims.email })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.sub)
      .setJti(randomUUID())
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.accessTokenSeconds}s`)
      .sign(this.settings.secret);
  }

  /** The claims of a valid, unexpired token of ours; undefined otherwise. */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.settings.secret, {
        algorithms: ["HS256"],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
      });
      if (typeof payload.sub !== "string") return undefined;
      return { sub: payload.sub, name: String(payload.name ?? ""), email: String(payload.email ?? "") };
    } catch {
      return undefined;
    }
  }
}
