/** Request bodies, validated by fastify before a handler runs. Length limits keep Argon2 and the columns safe. */
const password = { type: "string", minLength: 8, maxLength: 128 } as const;
const refreshToken = { type: "string", minLength: 1, maxLength: 200 } as const;

export const registerBody = {
  type: "object",
  required: ["email", "password"],
  additionalProperties: false,
  properties: {
    email: { type: "string", format: "email", maxLength: 256 },
    password,
    userName: { type: "string", minLength: 3, maxLength: 256, pattern: "^[A-Za-z0-9._@+-]+$" },
  },
} as const;

/** Sign in with the user name or the e-mail address. */
export const loginBody = {
  type: "object",
  required: ["password"],
  anyOf: [{ required: ["userName"] }, { required: ["email"] }],
  additionalProperties: false,
  properties: {
    userName: { type: "string", minLength: 1, maxLength: 256 },
    email: { type: "string", minLength: 1, maxLength: 256 },
    password: { type: "string", minLength: 1, maxLength: 128 },
  },
} as const;

export const refreshTokenBody = {
  type: "object",
  required: ["refreshToken"],
  additionalProperties: false,
  properties: { refreshToken },
} as const;

export interface RegisterBody {
  readonly email: string;
  readonly password: string;
  readonly userName?: string;
}

export interface LoginBody {
  readonly userName?: string;
  readonly email?: string;
  readonly password: string;
}

export interface RefreshTokenBody {
  readonly refreshToken: string;
}
