import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminUsersKey, fetchUsersPage, setBanned } from '../../admin/admin-api.ts';
import { setUserRole } from '../../auth/auth-api.ts';
import type { PrivateUser, Role } from '../../api/types.ts';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { useCursorList } from '../../hooks/useCursorList.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { FormError } from '../../components/FormError.tsx';

interface AdminUser extends PrivateUser {
  bannedAt: string | null;
}

const ROLES: Role[] = ['viewer', 'creator', 'admin'];

/** Find accounts by username or email, change their role, ban or unban them. */
export function UserAdmin() {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const users = useCursorList<AdminUser>([...adminUsersKey, q], (cursor) => fetchUsersPage(q, cursor));
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminUsersKey });
  const setRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => setUserRole(id, role),
    onSettled: refresh,
  });
  const setBan = useMutation({
    mutationFn: ({ id, ban }: { id: string; ban: boolean }) => setBanned(id, ban),
    onSettled: refresh,
  });
  const failure = setRole.error ?? setBan.error;

  return (
    <section>
      <label className="inline-form">
        Find a user{' '}
        <input
          type="search"
          value={text}
          placeholder="username or email"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <FormError message={failure?.message} />
      {users.error ? (
        <ListErrorPage error={users.error} what="Users" />
      ) : (
        <table className="studio-table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.items?.map((user) => (
              <tr key={user.id}>
                <td>{user.username}</td>
                <td>{user.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.username}`}
                    value={user.role}
                    onChange={(event) => setRole.mutate({ id: user.id, role: event.target.value as Role })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{user.bannedAt ? 'banned' : 'active'}</td>
                <td>
                  <button
                    type="button"
                    className={user.bannedAt ? 'button' : 'button danger'}
                    onClick={() => setBan.mutate({ id: user.id, ban: !user.bannedAt })}
                  >
                    {user.bannedAt ? 'Unban' : 'Ban'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.hasNextPage && (
        <button type="button" className="button" onClick={users.loadMore}>
          More users
        </button>
      )}
    </section>
  );
}
