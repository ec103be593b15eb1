import type { z } from 'zod';
import type { Role } from './roles';

/** Methods anyone may call before signing in (sign-in itself, first-run setup, the lock screen). */
export const PUBLIC = 'public' as const;

/** One API method: its input and output schemas, the roles allowed (or PUBLIC), and whether it writes. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: readonly Role[] | typeof PUBLIC;
  writes: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
