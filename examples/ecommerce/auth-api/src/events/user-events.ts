import type { ConfirmChannel } from "amqplib";
import type { AmqpConnection, LoggerLike } from "@bosun/service-defaults";

/** The topic exchange auth-api publishes to; consumers bind queues with routing keys such as `user.*`. */
export const EVENTS_EXCHANGE = "ecommerce.events";
export const USER_REGISTERED = "user.registered";

export interface UserRegistered {
  readonly type: typeof USER_REGISTERED;
  readonly userId: string;
  readonly userName: string;
  readonly email: string;
  readonly occurredAt: string;
}

/** Declares the exchange; runs on every (re)connect. */
export async function declareEvents(channel: ConfirmChannel): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, "topic", { durable: true });
}

export interface UserEvents {
  userRegistered(user: { readonly id: string; readonly userName: string; readonly email: string }): Promise<void>;
}

/**
 * Publishes `user.registered` with a broker confirm. A failure is logged, not thrown: the account
 * already exists, and the event is best effort until an outbox table makes it reliable.
 */
export function amqpUserEvents(connection: AmqpConnection, logger: LoggerLike): UserEvents {
  return {
    async userRegistered(user) {
      const event: UserRegistered = { type: USER_REGISTERED, userId: user.id, userName: user.userName, email: user.email, occurredAt: new Date().toISOString() };
      try {
        await connection.publish(EVENTS_EXCHANGE, USER_REGISTERED, event, { messageId: user.id, type: USER_REGISTERED });
      } catch (error) {
        logger.error({ userId: user.id, event: USER_REGISTERED }, `event ${USER_REGISTERED} not published: ${(error as Error).message}`);
      }
    },
  };
}
