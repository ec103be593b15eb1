// The signed-in person, for pages that show or hide actions by role (the backend checks again).
import { createContext, useContext } from 'react';
import type { SignedInUser } from '@shared/api/auth';
import { contract } from '@shared/api/contract';
import { mayCall } from './navigation';

export const CurrentUserContext = createContext<SignedInUser | null>(null);

export function useCurrentUser(): SignedInUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside the signed-in app');
  return user;
}

export function useMayCall(method: keyof typeof contract): boolean {
  return mayCall(useCurrentUser().role, method);
}
