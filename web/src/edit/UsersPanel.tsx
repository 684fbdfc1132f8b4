/**
 * The Users tab (admins): every account with its role and whether it is disabled, changed in place;
 * and a new account, whose generated password is shown this once (it is stored hashed).
 */
import { type FormEvent, useCallback, useEffect, useState } from "react";

import { ROLES, type Role } from "../../../core/access";
import { createUser, fetchUsers, setUserDisabled, setUserRole, type UserRecord } from "../api/users";
import { useStore } from "../ui/use-store";
import { type AccountStore, can } from "./account";
import { errorsOf, type FieldErrors } from "./errors";
import { Field } from "./Field";

export function UsersPanel({ account }: { account: AccountStore }) {
  const admin = useStore(account, (a) => can(a, "admin"));
  const me = useStore(account, (a) => a?.username ?? null);
  const [users, setUsers] = useState<UserRecord[]>([]);
  const [error, setError] = useState("");
  const reload = useCallback(() => {
    fetchUsers().then(setUsers, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (admin) reload();
  }, [admin, reload]);

  if (!admin) return <p className="muted">Only admins manage users.</p>;
  const replace = (next: UserRecord) => setUsers((list) => list.map((u) => (u.id === next.id ? next : u)));
  const change = (work: Promise<UserRecord>) =>
    work.then(
      (next) => {
        replace(next);
        setError("");
      },
      (e: Error) => setError(e.message),
    );

  return (
    <section className="users" aria-label="Users">
      <h2>Users</h2>
      <NewUserForm onCreated={reload} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <table className="users-table">
        <caption className="small muted">Changing a role applies to the user&apos;s open sessions at once.</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.username}</th>
              <td>
                <select
                  aria-label={`Role of ${u.username}`}
                  value={u.role}
                  disabled={u.username === me}
                  onChange={(e) => void change(setUserRole(u.username, e.target.value as Role))}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" disabled={u.username === me} onClick={() => void change(setUserDisabled(u.username, !u.disabled))}>
                  {u.disabled ? `Enable ${u.username}` : `Disable ${u.username}`}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NewUserForm({ onCreated }: { onCreated(): void }) {
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("contributor");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    try {
      const result = await createUser(username.trim(), role);
      setCreated({ username: result.user.username, password: result.password });
      setUsername("");
      onCreated();
    } catch (error) {
      setErrors(errorsOf(error, ["username", "role"]));
    }
  };
  return (
    <form className="edit-form new-user" aria-label="New user" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field-row">
        <Field label="Username" error={errors.username}>
          {(control) => (
            <input {...control} name="new-username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
          )}
        </Field>
        <Field label="Role" error={errors.role}>
          {(control) => (
            <select {...control} name="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {errors[""] && (
        <p className="field-error" role="alert">
          {errors[""]}
        </p>
      )}
      <button type="submit">Create user</button>
      {created && (
        <p className="new-password" role="status">
          Password for <strong>{created.username}</strong>, shown this once: <code>{created.password}</code>
        </p>
      )}
    </form>
  );
}
