import { ApiError, setAccessTokenSource, type AccessTokenSource } from "@/lib/client";
import * as api from "./api";

/**
 * Set while this browser is signed in. It holds no secret: the refresh token is in an HttpOnly
 * cookie that only the API sees, and the access token lives only in memory. Removing it tells the
 * other tabs that this one signed out.
 */
export const SIGNED_IN_KEY = "depot.signed-in";
/** Where earlier versions kept the refresh token itself; removed wherever it is still found. */
const LEGACY_REFRESH_TOKEN_KEY = "depot.refresh";

/** Renew the access token once this share of its lifetime has passed… */
const RENEW_AT_SHARE = 0.8;
/** …and at the latest this long before it expires. */
const RENEW_BEFORE_MS = 30_000;
/** A token closer than this to its expiry is renewed before it is sent. */
const USABLE_MARGIN_MS = 5_000;
/** When a background renewal finds no network, try again after this long. */
const RETRY_OFFLINE_MS = 30_000;

/**
 * `signed-in`: tokens were obtained by signing in. `signed-out`: this tab signed out. `ended`:
 * the session ended without this tab asking (the server refused the refresh token, or another
 * tab signed out).
 */
export type SessionEvent = "signed-in" | "signed-out" | "ended";

interface AccessToken {
  value: string;
  expiresAt: number;
  sessionId: string;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Runs `task` while holding a lock shared by every tab of this origin, so that two tabs never
 * send the same refresh token cookie: each refresh replaces it, and the server treats a reused
 * refresh token as theft and ends the session. Without Web Locks the task runs unguarded.
 */
function withTabLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) {
    return navigator.locks.request("depot.refresh", task) as Promise<T>;
  }
  return task();
}

/**
 * The signed-in state of this browser: the access token in memory, the refresh token in the
 * API's cookie. It renews the access token shortly before it expires and after the API refuses
 * it, with at most one renewal in flight however many requests are waiting for it.
 */
export class AuthSession implements AccessTokenSource {
  private access: AccessToken | null = null;
  private renewal: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private watchingOtherTabs = false;

  /** Whether this browser signed in and did not sign out since, i.e. may hold a session cookie. */
  hasSession(): boolean {
    return storage()?.getItem(SIGNED_IN_KEY) === "1";
  }

  /** The id of this browser's session on the server, once a token was obtained. */
  get sessionId(): string | null {
    return this.access?.sessionId ?? null;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.watchOtherTabs();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(login: string, password: string): Promise<void> {
    this.store(await api.login(login, password));
    this.emit("signed-in");
  }

  /** Ends this session on the server and clears its cookie (best effort); forgets every token. */
  async logout(): Promise<void> {
    try {
      if (this.hasSession()) {
        await api.logout(this.access?.value ?? null);
      }
    } catch {
      // The tokens are dropped here either way; the server lets them run out.
    } finally {
      this.end("signed-out");
    }
  }

  /** Ends every session of the account, then forgets every token here. */
  async logoutAll(): Promise<void> {
    await api.logoutAll();
    this.end("signed-out");
  }

  /** Forgets every token here without asking the server, after it ended the sessions itself. */
  forget(event: SessionEvent = "signed-out"): void {
    this.end(event);
  }

  async accessToken(): Promise<string | null> {
    if (this.access && this.access.expiresAt - Date.now() > USABLE_MARGIN_MS) {
      return this.access.value;
    }
    if (!this.hasSession()) {
      return null;
    }
    return this.renew();
  }

  async renewAfterRejection(rejected: string): Promise<string | null> {
    if (this.access && this.access.value !== rejected) {
      // Another request renewed the token while this one was under way.
      return this.access.value;
    }
    return this.renew();
  }

  /**
   * Exchanges the refresh token cookie for new tokens. Concurrent callers share one exchange.
   * Resolves to null (and ends the session here) when the server refuses the refresh token;
   * rejects with the error when the server cannot be reached, keeping the session for a later try.
   */
  renew(): Promise<string | null> {
    this.renewal ??= this.exchangeRefreshToken().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  private exchangeRefreshToken(): Promise<string | null> {
    return withTabLock(async () => {
      // Checked inside the lock: another tab may have just signed out. The browser sends the
      // cookie as the last refresh left it, whichever tab made it.
      if (!this.hasSession()) {
        this.end("ended");
        return null;
      }
      try {
        const tokens = await api.refresh();
        this.store(tokens);
        return tokens.accessToken;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 400 || error.status === 401)) {
          this.end("ended");
          return null;
        }
        throw error;
      }
    });
  }

  private store(tokens: api.Tokens): void {
    const lifetimeMs = Math.max(0, tokens.expiresIn) * 1000;
    this.access = {
      value: tokens.accessToken,
      expiresAt: Date.now() + lifetimeMs,
      sessionId: tokens.sessionId,
    };
    storage()?.setItem(SIGNED_IN_KEY, "1");
    this.schedule(
      Math.max(1000, Math.min(lifetimeMs * RENEW_AT_SHARE, lifetimeMs - RENEW_BEFORE_MS)),
    );
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.renew().catch(() => {
        if (this.hasSession()) {
          this.schedule(RETRY_OFFLINE_MS);
        }
      });
    }, delayMs);
  }

  private end(event: SessionEvent): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.access = null;
    storage()?.removeItem(SIGNED_IN_KEY);
    this.emit(event);
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) {
      listener(event);
    }
  }

  /** Signing out in one tab signs out the others. */
  private watchOtherTabs(): void {
    if (this.watchingOtherTabs || typeof window === "undefined") {
      return;
    }
    this.watchingOtherTabs = true;
    window.addEventListener("storage", (event) => {
      if (event.key === SIGNED_IN_KEY && event.newValue === null && this.access) {
        clearTimeout(this.timer);
        this.access = null;
        this.emit("ended");
      }
    });
  }
}

/** The one session of this browser tab; authenticated API calls take their tokens from it. */
export const authSession = new AuthSession();
storage()?.removeItem(LEGACY_REFRESH_TOKEN_KEY);
setAccessTokenSource(authSession);
