import { queryOptions } from "@tanstack/react-query";
import type { components } from "@/api/generated/auth-service";
import { api, publicApi, read } from "@/lib/client";

type Schemas = components["schemas"];

/** A Depot account as auth-service returns it. */
export type Account = Schemas["AccountResponse"];

/**
 * The answer of `login` and `refresh`. Lifetimes are in seconds. The refresh token is not in it:
 * the API keeps it in an HttpOnly cookie, out of reach of the page's scripts.
 */
export type Tokens = Schemas["Tokens"];

/** One signed-in device or browser of the account; `current` is the session of this browser. */
export type Session = Schemas["SessionResponse"];

export type SignupInput = Schemas["SignupRequest"];

/**
 * Sign-in, refresh and sign-out ask for the refresh-token cookie (and send it). The header also
 * makes the browser ask the API first (CORS preflight), which only the dashboard's origins pass.
 */
const sessionCookie = {
  credentials: "include",
  params: { header: { "X-Depot-Session": "cookie" } },
} as const;

export function signup(input: SignupInput): Promise<Account> {
  return read(publicApi.POST("/api/auth/signup", { body: input }));
}

export function login(login: string, password: string): Promise<Tokens> {
  return read(publicApi.POST("/api/auth/login", { ...sessionCookie, body: { login, password } }));
}

/** New tokens for the refresh token in the cookie, which the answer replaces. */
export function refresh(): Promise<Tokens> {
  return read(publicApi.POST("/api/auth/refresh", sessionCookie));
}

/**
 * Ends the session of the cookie (and of `accessToken`, when there is one) and clears the
 * cookie. Needs no valid access token.
 */
export async function logout(accessToken: string | null): Promise<void> {
  await publicApi.POST("/api/auth/logout", {
    ...sessionCookie,
    headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
  });
}

export async function logoutAll(): Promise<void> {
  await api.POST("/api/auth/logout-all");
}

export function verifyEmail(token: string): Promise<Account> {
  return read(publicApi.POST("/api/auth/verify-email", { body: { token } }));
}

export async function resendVerification(): Promise<void> {
  await api.POST("/api/auth/verify-email/resend");
}

export function getAccount(signal?: AbortSignal): Promise<Account> {
  return read(api.GET("/api/auth/account", { signal }));
}

export function updateAccount(changes: Schemas["UpdateAccountRequest"]): Promise<Account> {
  return read(api.PATCH("/api/auth/account", { body: changes }));
}

export async function changePassword(currentPassword: string, newPassword: string) {
  await api.POST("/api/auth/account/password", { body: { currentPassword, newPassword } });
}

export async function deleteAccount(password: string): Promise<void> {
  await api.DELETE("/api/auth/account", { body: { password } });
}

/** The account's signed-in sessions. */
export function sessionsQuery() {
  return queryOptions({
    queryKey: ["sessions"],
    queryFn: ({ signal }) => read(api.GET("/api/auth/sessions", { signal })),
  });
}

export async function revokeSession(id: string): Promise<void> {
  await api.DELETE("/api/auth/sessions/{id}", { params: { path: { id } } });
}

export async function forgotPassword(email: string): Promise<void> {
  await publicApi.POST("/api/auth/password/forgot", { body: { email } });
}

export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await publicApi.POST("/api/auth/password/reset", { body: { token, newPassword } });
}
