import { randomUUID } from "node:crypto";
import type { QueryResult, QueryResultRow } from "pg";
import { normalizeLookup } from "./normalize.js";

/** The part of a resilient pool the repositories use; tests pass a fake. */
export interface Db {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface User {
  readonly id: string;
  readonly userName: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly securityStamp: string;
  /** Per the database clock: LockoutEnabled and LockoutEnd in the future. */
  readonly lockedOutUntil: Date | undefined;
}

const USERS = 'auth."AspNetUsers"';
const COLUMNS = `"Id" AS id, "UserName" AS "userName", "Email" AS email, "PasswordHash" AS "passwordHash", "SecurityStamp" AS "securityStamp",
  CASE WHEN "LockoutEnabled" AND "LockoutEnd" > now() THEN "LockoutEnd" END AS "lockedOutUntil"`;
const UNIQUE_VIOLATION = "23505";

/** Users in the ASP.NET Identity table; every update refreshes "ConcurrencyStamp" as Identity does. */
export class UserRepository {
  constructor(private readonly db: Db) {}

  /** Inserts a new user; `undefined` when the user name or e-mail is taken. */
  async create(input: { readonly userName: string; readonly email: string; readonly passwordHash: string }): Promise<User | undefined> {
    try {
      const result = await this.db.query<User>(
        `INSERT INTO ${USERS} ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "PasswordHash", "SecurityStamp", "ConcurrencyStamp")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [randomUUID(), input.userName, normalizeLookup(input.userName), input.email, normalizeLookup(input.email), input.passwordHash, randomUUID(), randomUUID()],
      );
      return normalizeUser(result.rows[0]!);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
  }

  /** By user name or e-mail, ignoring case. */
  async findByLogin(login: string): Promise<User | undefined> {
    const normalized = normalizeLookup(login);
    const result = await this.db.query<User>(
      `SELECT ${COLUMNS} FROM ${USERS} WHERE "NormalizedUserName" = $1 OR "NormalizedEmail" = $1 LIMIT 1`,
      [normalized],
    );
    return result.rows[0] && normalizeUser(result.rows[0]);
  }

  async findById(id: string): Promise<User | undefined> {
    const result = await this.db.query<User>(`SELECT ${COLUMNS} FROM ${USERS} WHERE "Id" = $1`, [id]);
    return result.rows[0] && normalizeUser(result.rows[0]);
  }

  /**
   * Counts a failed password in one statement. Reaching `maxFailed` locks the account for
   * `lockoutSeconds` and resets the count, as Identity's AccessFailedAsync does.
   */
  async recordFailure(id: string, maxFailed: number, lockoutSeconds: number): Promise<{ readonly lockedOutUntil: Date | undefined }> {
    const result = await this.db.query<{ lockedOutUntil: Date | null }>(
      `UPDATE ${USERS} SET
         "AccessFailedCount" = CASE WHEN "AccessFailedCount" + 1 >= $2 THEN 0 ELSE "AccessFailedCount" + 1 END,
         "LockoutEnd" = CASE WHEN "AccessFailedCount" + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE "LockoutEnd" END,
         "ConcurrencyStamp" = $4
       WHERE "Id" = $1 AND "LockoutEnabled"
       RETURNING CASE WHEN "LockoutEnd" > now() THEN "LockoutEnd" END AS "lockedOutUntil"`,
      [id, maxFailed, lockoutSeconds, randomUUID()],
    );
    return { lockedOutUntil: result.rows[0]?.lockedOutUntil ?? undefined };
  }

  /** A successful sign-in clears the failure count (only when there is one to clear). */
  async recordSuccess(id: string): Promise<void> {
    await this.db.query(
      `UPDATE ${USERS} SET "AccessFailedCount" = 0, "ConcurrencyStamp" = $2 WHERE "Id" = $1 AND "AccessFailedCount" <> 0`,
      [id, randomUUID()],
    );
  }

  async count(): Promise<number> {
    const result = await this.db.query<{ count: string }>(`SELECT count(*) AS count FROM ${USERS}`);
    return Number(result.rows[0]?.count ?? 0);
  }
}

function normalizeUser(row: User & { lockedOutUntil: Date | null | undefined }): User {
  return { ...row, lockedOutUntil: row.lockedOutUntil ?? undefined };
}
