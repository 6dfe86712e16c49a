// The terminal's redactor lives with the errors (the lowest layer), so every layer can mask secrets.
export { REDACTED, Redactor } from "../errors/redactor.js";
