import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { AppErrorShape, ErrorCode, Result } from '../../../shared/domain/result';
import { pickTransport, type Transport } from './transport';

const SESSION_KEY = 'stationdesk.session';

/** A failed Result as an exception, for react-query and react-hook-form code paths. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
  get code(): ErrorCode {
    return this.shape.code;
  }
}

/**
 * Codes that mean "the session needs attention" rather than "this action failed". DATABASE_UNAVAILABLE is among
 * them: the start-up check of the file runs beside the first screens and may find damage after they are shown.
 */
export const SESSION_CODES: ReadonlySet<ErrorCode> = new Set(['UNAUTHENTICATED', 'LOCKED', 'PASSWORD_CHANGE_REQUIRED', 'DATABASE_UNAVAILABLE']);

type Listener = (code: ErrorCode) => void;

/** The typed client: argument and result types come from the contract, the transport picks itself. */
export class ApiClient {
  private sessionId: string | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly transport: Transport) {
    this.sessionId = sessionStorage.getItem(SESSION_KEY) ?? undefined;
  }

  async call<K extends ProcedureName>(name: K, input: Input<K>): Promise<Result<Output<K>>> {
    const result = (await this.transport(name, input, this.sessionId)) as Result<Output<K>>;
    if (!result.ok && SESSION_CODES.has(result.error.code)) for (const l of this.listeners) l(result.error.code);
    return result;
  }

  /** Resolves with the value or rejects with an ApiError. */
  async get<K extends ProcedureName>(name: K, input: Input<K>): Promise<Output<K>> {
    const r = await this.call(name, input);
    if (!r.ok) throw new ApiError(r.error);
    return r.value;
  }

  setSession(id: string | undefined): void {
    this.sessionId = id;
    if (id) sessionStorage.setItem(SESSION_KEY, id);
    else sessionStorage.removeItem(SESSION_KEY);
  }

  hasSession(): boolean {
    return this.sessionId !== undefined;
  }

  /** The session id, for the bridge's saveExport: the main process checks it as it checks any call. */
  currentSession(): string | undefined {
    return this.sessionId;
  }

  /** Told when any call comes back with one of SESSION_CODES. */
  onSessionProblem(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

let shared: ApiClient | undefined;
export function api(): ApiClient {
  shared ??= new ApiClient(pickTransport());
  return shared;
}
/** For component tests: a client over a fake transport. */
export function setApiForTests(client: ApiClient): void {
  shared = client;
}
