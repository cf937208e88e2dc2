/** Uses of invite and reset links (page views and password submissions) per minute from one client address. */
export const PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE = 10;
/** The same, all clients together. */
export const PASSWORD_LINK_ATTEMPTS_PER_MINUTE = 100;
/** The window of both limits. */
export const PASSWORD_LINK_LIMIT_WINDOW_SECONDS = 60;
/** A password form is a secret and a password (at most 1,024 characters); anything larger is refused before it is read. */
export const MAX_PASSWORD_LINK_BODY_BYTES = 8 * 1024;
