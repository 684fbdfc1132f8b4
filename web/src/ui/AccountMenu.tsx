/**
 * Sign in and out, in the header: the current user and role, or a small sign-in form. A disclosure
 * (<details>) like the Export menu, so it opens with Enter or Space and every field is reachable by Tab.
 * Hiding or showing controls here is convenience only: the server checks every request's role.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";

import { fetchMe, signIn, signOut } from "../api/account";
import type { AccountStore, AccountState } from "../edit/account";
import { useStore } from "./use-store";

/** The account lives in a store the explorer shares (it refetches the graph when it changes). */
export function AccountMenu({ store }: { store: AccountStore }) {
  const account = useStore(store, (s) => s);
  const setAccount = (next: AccountState) => store.update(() => next);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetchMe(abort.signal).then(
      (me) => store.update(() => me),
      () => store.update(() => null),
    );
    return () => abort.abort();
  }, [store]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    try {
      setAccount(await signIn(String(form.get("username") ?? ""), String(form.get("password") ?? "")));
      if (menu.current) menu.current.open = false;
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const leave = async () => {
    setBusy(true);
    try {
      await signOut();
      setAccount(null);
      if (menu.current) menu.current.open = false;
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (account === undefined) return null;
  return (
    <details
      className="menu account"
      ref={menu}
      onKeyDown={(e) => {
        // Like the Export menu: Escape closes it, and focus goes back to its summary.
        if (e.key !== "Escape" || !menu.current?.open) return;
        menu.current.open = false;
        menu.current.querySelector("summary")?.focus();
      }}
    >
      <summary>{account ? `${account.username} · ${account.role}` : "Sign in"}</summary>
      <div className="menu-items">
        {account ? (
          <>
            <p className="account-who">
              Signed in as <strong>{account.username}</strong> ({account.role})
            </p>
            <button type="button" onClick={() => void leave()} disabled={busy}>
              Sign out
            </button>
          </>
        ) : (
          <form className="sign-in" onSubmit={(event) => void submit(event)} aria-label="Sign in">
            <label>
              Username
              <input name="username" autoComplete="username" required />
            </label>
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            <button type="submit" disabled={busy}>
              Sign in
            </button>
          </form>
        )}
        <p className="account-error" role="alert">
          {error}
        </p>
      </div>
    </details>
  );
}
