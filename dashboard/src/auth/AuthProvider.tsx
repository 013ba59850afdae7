"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError } from "@/lib/client";
import { QueryProvider } from "@/lib/QueryProvider";
import * as api from "./api";
import type { Account, SignupInput } from "./api";
import { authSession } from "./session";

export type AuthState =
  | { status: "loading" }
  | { status: "signed-in"; account: Account }
  /**
   * `user`: this tab signed out on request (whoever asked decides where to go next). `ended`: the
   * session ended on the server or in another tab. `none`: there was no session.
   */
  | { status: "signed-out"; reason: "user" | "ended" | "none" }
  /** This browser signed in, but the API could not be asked whether the session still holds. */
  | { status: "unavailable"; error: unknown };

export interface AuthContextValue {
  state: AuthState;
  account: Account | null;
  login(login: string, password: string): Promise<Account>;
  /** Creates the account, then signs in with it; `signedIn` is false if that second step failed. */
  signup(input: SignupInput): Promise<{ account: Account; signedIn: boolean }>;
  logout(): Promise<void>;
  logoutAll(): Promise<void>;
  /** Forgets the session here after the server ended it (password reset, account deleted). */
  forgetSession(): void;
  /** Replaces the account after an API call answered with a newer copy. */
  setAccount(account: Account): void;
  reloadAccount(): Promise<void>;
  /** Asks the API again after `unavailable`. */
  retry(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function restore(signal: AbortSignal): Promise<AuthState> {
  if (!authSession.hasSession()) {
    return { status: "signed-out", reason: "none" };
  }
  try {
    return { status: "signed-in", account: await api.getAccount(signal) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      authSession.forget("ended");
      return { status: "signed-out", reason: "ended" };
    }
    return { status: "unavailable", error };
  }
}

/**
 * Holds who is signed in in this browser tab and the actions that change it, and around the
 * pages, what they loaded from the API for that account.
 */
export function AuthProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const unsubscribe = authSession.subscribe((event) => {
      if (event !== "signed-in") {
        setState({ status: "signed-out", reason: event === "signed-out" ? "user" : "ended" });
      }
    });
    restore(controller.signal).then((restored) => {
      if (!controller.signal.aborted) {
        setState((current) => (current.status === "loading" ? restored : current));
      }
    });
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, [attempt]);

  const login = useCallback(async (login: string, password: string) => {
    await authSession.login(login, password);
    const account = await api.getAccount();
    setState({ status: "signed-in", account });
    return account;
  }, []);

  const signup = useCallback(
    async (input: SignupInput) => {
      const account = await api.signup(input);
      try {
        await login(input.email, input.password);
        return { account, signedIn: true };
      } catch {
        return { account, signedIn: false };
      }
    },
    [login],
  );

  const logout = useCallback(() => authSession.logout(), []);
  const logoutAll = useCallback(() => authSession.logoutAll(), []);
  const forgetSession = useCallback(() => authSession.forget(), []);

  const setAccount = useCallback((account: Account) => {
    setState((current) =>
      current.status === "signed-in" && current.account.id === account.id
        ? { status: "signed-in", account }
        : current,
    );
  }, []);

  const reloadAccount = useCallback(async () => {
    setAccount(await api.getAccount());
  }, [setAccount]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      account: state.status === "signed-in" ? state.account : null,
      login,
      signup,
      logout,
      logoutAll,
      forgetSession,
      setAccount,
      reloadAccount,
      retry,
    }),
    [state, login, signup, logout, logoutAll, forgetSession, setAccount, reloadAccount, retry],
  );

  return (
    <AuthContext.Provider value={value}>
      <QueryProvider accountId={value.account?.id ?? null}>{children}</QueryProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) {
    throw new Error("useAuth() needs an <AuthProvider> above it");
  }
  return context;
}
