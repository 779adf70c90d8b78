import type { Input, ProcedureName } from '../../../shared/contract';

/** Valid inputs for some procedures of the contract (each feature's file gives its own). */
export type Samples = { [K in ProcedureName]?: Input<K> };
