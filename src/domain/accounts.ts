// Rules for account names and credentials, shared by the API, the web forms and the CLI.
export const USERNAME_PATTERN = /^[a-z0-9_]+$/i;
export const USERNAME_MAX = 30;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 72;
export const ROLES = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// Names that would let someone impersonate the server or its staff.
const RESERVED = new Set([
  'admin', 'administrator', 'root', 'support', 'help', 'moderator', 'moderators', 'mod', 'staff',
  'security', 'abuse', 'postmaster', 'webmaster', 'hostmaster', 'parley', 'system', 'noreply',
  'no_reply', 'api', 'oauth', 'settings', 'about', 'instance', 'everyone', 'here',
]);

export function usernameProblem(username: string, opts: { allowReserved?: boolean } = {}): string | null {
  if (!username) return "Username can't be blank";
  if (username.length > USERNAME_MAX) return `Username is too long (maximum is ${USERNAME_MAX} characters)`;
  if (!USERNAME_PATTERN.test(username)) return 'Username must contain only letters, numbers and underscores';
  if (!opts.allowReserved && RESERVED.has(username.toLowerCase())) return 'Username is reserved';
  return null;
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Password is too short (minimum is ${PASSWORD_MIN} characters)`;
  if (password.length > PASSWORD_MAX) return `Password is too long (maximum is ${PASSWORD_MAX} characters)`;
  return null;
}

export function emailProblem(email: string): string | null {
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Email is invalid';
  return null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
