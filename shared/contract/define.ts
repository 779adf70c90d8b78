import type { z } from 'zod';
import type { Permission } from '../domain/roles';

/**
 * Who may call a procedure:
 * - 'public': no session (first-run setup, login);
 * - 'session': any signed-in user, even one who must change the password or is locked
 *   (only the few procedures that get a user out of those states);
 * - 'user': any signed-in, unlocked user with a current password;
 * - a Permission: such a user whose roles grant it.
 */
export type Access = 'public' | 'session' | 'user' | Permission;

/**
 * 'query' reads; 'mutation' runs in one transaction that must write its audit row; 'operation' acts on the
 * database file itself (backup, restore), which SQLite cannot do inside a transaction: it runs outside one
 * and writes its audit row, in a transaction of its own, once it has succeeded.
 */
export type Kind = 'query' | 'mutation' | 'operation';

declare const outputBrand: unique symbol;
/** A phantom marker carrying the output type; it holds no value at run time. */
export interface Output<T> {
  readonly [outputBrand]?: T;
}
export const output = <T>(): Output<T> => ({});

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: Kind;
  readonly access: Access;
  readonly input: I;
  readonly output: Output<O>;
}

export const query = <I extends z.ZodType, O>(access: Access, input: I, out: Output<O>): ProcedureDef<I, O> => ({
  kind: 'query',
  access,
  input,
  output: out,
});
export const mutation = <I extends z.ZodType, O>(access: Access, input: I, out: Output<O>): ProcedureDef<I, O> => ({
  kind: 'mutation',
  access,
  input,
  output: out,
});

export const operation = <I extends z.ZodType, O>(access: Access, input: I, out: Output<O>): ProcedureDef<I, O> => ({
  kind: 'operation',
  access,
  input,
  output: out,
});

export type InputOf<P> = P extends ProcedureDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<P> = P extends ProcedureDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<P> = P extends ProcedureDef<z.ZodType, infer O> ? O : never;
