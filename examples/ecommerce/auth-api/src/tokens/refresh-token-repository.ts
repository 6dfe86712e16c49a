import { createHash, randomBytes } from "node:crypto";
import type { PoolClient } from "pg";
import type { Db } from "../users/user-repository.js";

const TOKENS = 'auth."RefreshTokens"';

/** A new opaque refresh token (256 random bits) and the SHA-256 stored in its place. */
export function newRefreshToken(): { readonly token: string; readonly hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type RotationOutcome =
  | { readonly kind: "rotated"; readonly userId: string }
  | { readonly kind: "unknown" | "expired" }
  /** A revoked token came back: someone replayed it, so every token of its user was revoked. */
  | { readonly kind: "reused"; readonly userId: string };

/** Refresh tokens in "RefreshTokens", only ever by hash. */
export class RefreshTokenRepository {
  constructor(
    private readonly db: Db & { transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> },
    private readonly lifetimeDays: number,
  ) {}

  async store(userId: string, hash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO ${TOKENS} ("Token", "UserId", "ExpiryDate") VALUES ($1, $2, now() + make_interval(days => $3))`,
      [hash, userId, this.lifetimeDays],
    );
  }

  /** In one transaction: revokes the presented token and stores its successor, or reports why not. */
  rotate(presentedHash: string, successorHash: string): Promise<RotationOutcome> {
    return this.db.transaction(async (client) => {
      const found = await client.query<{ userId: string; isRevoked: boolean; expired: boolean }>(
        `SELECT "UserId" AS "userId", "IsRevoked" AS "isRevoked", "ExpiryDate" <= now() AS expired
         FROM ${TOKENS} WHERE "Token" = $1 FOR UPDATE`,
        [presentedHash],
      );
      const row = found.rows[0];
      if (row === undefined) return { kind: "unknown" };
      if (row.isRevoked) {
        await client.query(`UPDATE ${TOKENS} SET "IsRevoked" = true WHERE "UserId" = $1 AND NOT "IsRevoked"`, [row.userId]);
        return { kind: "reused", userId: row.userId };
      }
      if (row.expired) return { kind: "expired" };
      await client.query(`UPDATE ${TOKENS} SET "IsRevoked" = true WHERE "Token" = $1`, [presentedHash]);
      await client.query(
        `INSERT INTO ${TOKENS} ("Token", "UserId", "ExpiryDate") VALUES ($1, $2, now() + make_interval(days => $3))`,
        [successorHash, row.userId, this.lifetimeDays],
      );
      return { kind: "rotated", userId: row.userId };
    });
  }

  /** Revokes one token; true when it was live. */
  async revoke(hash: string): Promise<boolean> {
    const result = await this.db.query(`UPDATE ${TOKENS} SET "IsRevoked" = true WHERE "Token" = $1 AND NOT "IsRevoked"`, [hash]);
    return (result.rowCount ?? 0) > 0;
  }
}
