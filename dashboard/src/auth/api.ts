import { apiFetch } from "@/lib/client";

/** A Depot account as auth-service returns it. */
export interface Account {
  id: string;
  username: string;
  email: string;
  emailVerified: boolean;
  /** The new address of an email change, until its verification link is followed. */
  pendingEmail: string | null;
  createdAt: string;
}

/**
 * The answer of `login` and `refresh`. Lifetimes are in seconds. The refresh token is not in it:
 * the API keeps it in an HttpOnly cookie, out of reach of the page's scripts.
 */
export interface Tokens {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  refreshExpiresIn: number;
  sessionId: string;
}

/**
 * Sign-in, refresh and sign-out ask for the refresh-token cookie (and send it). The header also
 * makes the browser ask the API first (CORS preflight), which only the dashboard's origins pass.
 */
const sessionCookie: RequestInit = {
  credentials: "include",
  headers: { "x-depot-session": "cookie" },
};

/** One signed-in device or browser of the account. */
export interface Session {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: string;
  lastUsedAt: string;
  /** The session of this very browser. */
  current: boolean;
}

export interface SignupInput {
  email: string;
  username: string;
  password: string;
}

export function signup(input: SignupInput): Promise<Account> {
  return apiFetch<Account>("/api/auth/signup", { method: "POST", json: input });
}

export function login(login: string, password: string): Promise<Tokens> {
  return apiFetch<Tokens>("/api/auth/login", {
    ...sessionCookie,
    method: "POST",
    json: { login, password },
  });
}

/** New tokens for the refresh token in the cookie, which the answer replaces. */
export function refresh(): Promise<Tokens> {
  return apiFetch<Tokens>("/api/auth/refresh", { ...sessionCookie, method: "POST" });
}

/**
 * Ends the session of the cookie (and of `accessToken`, when there is one) and clears the
 * cookie. Needs no valid access token.
 */
export function logout(accessToken: string | null): Promise<void> {
  const headers = new Headers(sessionCookie.headers);
  if (accessToken) {
    headers.set("authorization", `Bearer ${accessToken}`);
  }
  return apiFetch<void>("/api/auth/logout", { ...sessionCookie, method: "POST", headers });
}

export function logoutAll(): Promise<void> {
  return apiFetch<void>("/api/auth/logout-all", { method: "POST", auth: true });
}

export function verifyEmail(token: string): Promise<Account> {
  return apiFetch<Account>("/api/auth/verify-email", { method: "POST", json: { token } });
}

export function resendVerification(): Promise<void> {
  return apiFetch<void>("/api/auth/verify-email/resend", { method: "POST", auth: true });
}

export function getAccount(signal?: AbortSignal): Promise<Account> {
  return apiFetch<Account>("/api/auth/account", { auth: true, signal });
}

export function updateAccount(changes: { username?: string; email?: string }): Promise<Account> {
  return apiFetch<Account>("/api/auth/account", { method: "PATCH", auth: true, json: changes });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiFetch<void>("/api/auth/account/password", {
    method: "POST",
    auth: true,
    json: { currentPassword, newPassword },
  });
}

export function deleteAccount(password: string): Promise<void> {
  return apiFetch<void>("/api/auth/account", { method: "DELETE", auth: true, json: { password } });
}

export function listSessions(signal?: AbortSignal): Promise<Session[]> {
  return apiFetch<Session[]>("/api/auth/sessions", { auth: true, signal });
}

export function revokeSession(id: string): Promise<void> {
  return apiFetch<void>(`/api/auth/sessions/${encodeURIComponent(id)}`, {
    method: "DELETE",
    auth: true,
  });
}

export function forgotPassword(email: string): Promise<void> {
  return apiFetch<void>("/api/auth/password/forgot", { method: "POST", json: { email } });
}

export function resetPassword(token: string, newPassword: string): Promise<void> {
  return apiFetch<void>("/api/auth/password/reset", {
    method: "POST",
    json: { token, newPassword },
  });
}
