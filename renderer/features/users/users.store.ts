import type { UserAccount } from '../../../electron/common/accounts';
import { defineStore } from '../../stores/registry';

/** The accounts as administrators see them. Never a passphrase: temporary ones live only in the panel that shows them. */
export interface UsersState {
  byId: Record<string, UserAccount>;
  /** In the order core lists them. */
  ids: string[];
  loaded: boolean;
}

export const initialUsersState: UsersState = { byId: {}, ids: [], loaded: false };

export const useUsersStore = defineStore('users', initialUsersState);

export const usersSelectors = {
  byId: (s: UsersState) => s.byId,
  ids: (s: UsersState) => s.ids,
  loaded: (s: UsersState) => s.loaded,
};
