/**
 * What the web client and the web server agree on besides the contract (http/session-cookie.ts):
 * the header every call of the page carries, and the header carrying the page's half of the session.
 */
export const APP_HEADER = 'x-zongzhi-client';
export const APP_HEADER_VALUE = 'web';
/** Sent with every call once signed in; the server sets it in a reply when the session changes (empty: ended). */
export const SESSION_KEY_HEADER = 'x-zz-session-key';
/** Where the page keeps its half of the session: its own origin's storage, which no other port can read. */
export const SESSION_KEY_STORAGE = 'zz-session-key';
