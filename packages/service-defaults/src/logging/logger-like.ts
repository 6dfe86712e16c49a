/** The slice of a pino logger service-defaults writes to; a pino `Logger` (or child) fits. */
export interface LoggerLike {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
