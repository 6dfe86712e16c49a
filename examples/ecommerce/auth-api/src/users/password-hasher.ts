import { randomBytes } from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";

/**
 * Argon2id at OWASP's baseline (19 MiB, 2 passes, 1 lane). The PHC string (`$argon2id$v=19$m=19456,...`)
 * goes into "PasswordHash" and carries its own parameters, so they can be raised without a migration.
 */
// Algorithm is a const enum, which isolated modules cannot read; 2 is its Argon2id.
export const ARGON2_OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the time of one verification, for unknown users, so timing does not reveal who exists. */
  verifyNothing(password: string): Promise<void>;
}

export async function createPasswordHasher(options: Partial<typeof ARGON2_OPTIONS> = {}): Promise<PasswordHasher> {
  const settings = { ...ARGON2_OPTIONS, ...options };
  const decoy = await hash(randomBytes(16).toString("hex"), settings);
  return {
    hash: (password) => hash(password, settings),
    verify: (passwordHash, password) => verify(passwordHash, password).catch(() => false),
    verifyNothing: async (password) => void (await verify(decoy, password).catch(() => false)),
  };
}
