/**
 * Who is signed in, as a tiny store the header's account menu writes and the explorer reads: the
 * graph is fetched again when it changes (members-only records appear or disappear), and the edit
 * controls follow the role. Showing a control is convenience only: the server checks every write.
 */
import { type Role, roleAtLeast } from "../../../core/access";
import type { Account } from "../api/account";
import { createStore, type Store } from "../state/store";

/** `undefined` until the first `me` answer, then the account or null (anonymous). */
export type AccountState = Account | null | undefined;
export type AccountStore = Store<AccountState>;

export const createAccountStore = (): AccountStore => createStore<AccountState>(undefined);

/** Whether the account's role is at least `role` (anonymous and unknown: never). */
export const can = (account: AccountState, role: Role): boolean => roleAtLeast(account?.role ?? null, role);

/**
 * Calls `onChange` when the signed-in user changes after the first answer: the first answer only
 * confirms who the page's opening requests already came from (they carried the cookie).
 */
export function onAccountChange(store: AccountStore, onChange: (account: AccountState) => void): () => void {
  let previous = store.get();
  return store.subscribe((account) => {
    const known = previous !== undefined;
    const changed = previous?.username !== account?.username || previous?.role !== account?.role;
    previous = account;
    if (known && changed) onChange(account);
  });
}
