import type { Page } from "@playwright/test";
import type { components, paths } from "@/api/generated/auth-service";
import { answers, cors, FakeApi, problem, type Call, type Reply } from "./fake-api";

type Schemas = components["schemas"];

const ok = answers<paths>();

export const CHROME_ON_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
export const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/**
 * A stand-in for auth-service behind the gateway, installed with `page.route`: it keeps one
 * account, issues and rotates tokens, and records every call. `on()` replaces the answer of one
 * endpoint.
 */
export class FakeAuthApi extends FakeApi {
  account: Schemas["AccountResponse"] = {
    id: "7d1c7a52-5b7e-4d59-9a51-2f0f5a4f8f10",
    username: "ada",
    email: "ada@example.test",
    emailVerified: true,
    pendingEmail: null,
    createdAt: "2026-11-02T09:30:00Z",
  };
  password = "correct-horse-battery";
  /** Lifetime of the access tokens it issues, in seconds. */
  expiresIn = 900;
  sessions: Schemas["SessionResponse"][] = [
    {
      id: "s-this",
      userAgent: CHROME_ON_LINUX,
      ipAddress: "127.0.0.1",
      createdAt: "2026-11-20T08:00:00Z",
      lastUsedAt: "2026-11-22T10:15:00Z",
      current: true,
    },
    {
      id: "s-phone",
      userAgent: SAFARI_ON_IPHONE,
      ipAddress: "203.0.113.7",
      createdAt: "2026-11-18T19:45:00Z",
      lastUsedAt: "2026-11-21T22:05:00Z",
      current: false,
    },
  ];
  /** The refresh-token cookie it sets for the dashboard, as auth-service names it. */
  static readonly COOKIE = "depot_refresh";
  readonly accessTokens = new Set<string>();
  readonly refreshTokens = new Set<string>();
  private issued = 0;

  /** A refresh token the fake accepts, to start a test signed in. */
  grantRefreshToken(): string {
    const token = `refresh-seed-${++this.issued}`;
    this.refreshTokens.add(token);
    return token;
  }

  async install(page: Page): Promise<void> {
    await page.route("**/api/auth/**", (route) => this.handle(route));
    await page.route("**/api/status", (route) =>
      route.fulfill({ status: 200, headers: cors, json: { services: [] } }),
    );
  }

  /** Sets the refresh-token cookie as auth-service does, or clears it (`null`). */
  private setCookie(token: string | null): Record<string, string> {
    const lifetime = token ? 30 * 24 * 3600 : 0;
    return {
      "set-cookie": ["/api/auth/refresh", "/api/auth/logout"]
        .map(
          (path) =>
            `${FakeAuthApi.COOKIE}=${token ?? ""}; Path=${path}; Max-Age=${lifetime};` +
            " HttpOnly; Secure; SameSite=Strict",
        )
        .join("\n"),
    };
  }

  /**
   * The answer to a sign-in or refresh (both answer tokens): the refresh token in the cookie when
   * it asked so.
   */
  private tokensFor(call: Call): Reply {
    const tokens = this.issueTokens();
    if (!call.sessionCookie) {
      return ok("post", "/api/auth/login", tokens);
    }
    const { refreshToken, ...body } = tokens;
    return { ...ok("post", "/api/auth/login", body), headers: this.setCookie(refreshToken) };
  }

  private issueTokens(): Schemas["Tokens"] & { refreshToken: string } {
    const n = ++this.issued;
    const tokens = {
      accessToken: `access-${n}`,
      tokenType: "Bearer",
      expiresIn: this.expiresIn,
      refreshToken: `refresh-${n}`,
      refreshExpiresIn: 30 * 24 * 3600,
      sessionId: "s-this",
    };
    this.accessTokens.add(tokens.accessToken);
    this.refreshTokens.add(tokens.refreshToken);
    return tokens;
  }

  protected answer(call: Call): Reply {
    const signedIn = call.token !== null && this.accessTokens.has(call.token);
    const unauthenticated = problem(401, "UNAUTHENTICATED", "The access token is not valid.");
    const body = call.body ?? {};
    const endpoint = `${call.method} ${call.path}`;

    switch (endpoint) {
      case "POST /api/auth/signup":
        this.account = {
          ...this.account,
          email: String(body.email),
          username: String(body.username),
          emailVerified: false,
        };
        this.password = String(body.password);
        return ok("post", "/api/auth/signup", this.account, 201);
      case "POST /api/auth/login":
        if (
          (body.login === this.account.email || body.login === this.account.username) &&
          body.password === this.password
        ) {
          return this.tokensFor(call);
        }
        return problem(401, "INVALID_CREDENTIALS", "The login or the password is wrong.");
      case "POST /api/auth/refresh": {
        const token = call.sessionCookie
          ? call.cookies[FakeAuthApi.COOKIE]
          : String(body.refreshToken);
        if (!token || !this.refreshTokens.delete(token)) {
          return {
            ...problem(401, "REFRESH_TOKEN_INVALID", "The refresh token is not valid."),
            headers: call.sessionCookie ? this.setCookie(null) : undefined,
          };
        }
        return this.tokensFor(call);
      }
      case "POST /api/auth/verify-email/resend":
        return signedIn ? { status: 202 } : unauthenticated;
      case "GET /api/auth/account":
        return signedIn ? ok("get", "/api/auth/account", this.account) : unauthenticated;
      case "GET /api/auth/sessions":
        return signedIn ? ok("get", "/api/auth/sessions", this.sessions) : unauthenticated;
      case "POST /api/auth/logout": {
        const cookie = call.sessionCookie ? call.cookies[FakeAuthApi.COOKIE] : undefined;
        const cleared = call.sessionCookie ? this.setCookie(null) : undefined;
        if (!signedIn && !(cookie && this.refreshTokens.has(cookie))) {
          return { ...unauthenticated, headers: cleared };
        }
        this.accessTokens.clear();
        this.refreshTokens.clear();
        return { status: 204, headers: cleared };
      }
      case "POST /api/auth/logout-all":
        if (!signedIn) {
          return unauthenticated;
        }
        this.accessTokens.clear();
        this.refreshTokens.clear();
        return { status: 204 };
    }

    const session = /^DELETE \/api\/auth\/sessions\/(.+)$/.exec(endpoint);
    if (session) {
      if (!signedIn) {
        return unauthenticated;
      }
      const before = this.sessions.length;
      this.sessions = this.sessions.filter((s) => s.id !== session[1]);
      return this.sessions.length < before
        ? { status: 204 }
        : problem(404, "SESSION_NOT_FOUND", "No such session.");
    }
    return problem(404, "NOT_FOUND", `No route for ${endpoint}.`);
  }
}
